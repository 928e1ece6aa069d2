words = "a b c".split()
print(words.index("b"))
position = words.index("z") + 1
