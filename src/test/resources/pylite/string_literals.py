print('single', "double", """triple
quoted""", "x")
print("tab\there", "new\nline", "back\\slash", "quote\"s", 'it\'s', "\x41\u00e9\101", "bell\a"[0:4])
print(r"raw\nstring", r'C:\path\to', R"UP\t")
print("con" "cat" 'enated', f"{1}" "x" f"{2}")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\n\t\\"), repr("\x00\x7f"), repr("é€"))
x = "multi \
line"
print(x)
print(len("""
"""), """a\
b""")
