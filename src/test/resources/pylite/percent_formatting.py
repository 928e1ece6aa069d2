row = {"name": "adam", "lr": 0.001, "steps": 1200}
print("%(name)s: lr=%(lr).4f after %(steps)5d steps" % row)
print("%(name)-8s|%(steps)08d|" % row)
print("%s" % "single", "%s" % ("tuple",), "%s %s" % (1, [2]), "%d items" % 3.99, "%.1e" % 12345)
print("%5s|%-5s|%.2s" % ("ab", "cd", "efgh"), "%x|%X|%#x|%o" % (255, 255, 255, 8), "%+.2f|% d" % (1.5, 7))
print("100%% done", "%c%c" % (72, "i"), "%r" % {"k": [1, "v"]}, "%a" % "é")
try:
    print("%d" % "text")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%(missing)s" % row)
except KeyError as e:
    print("KeyError:", e)
