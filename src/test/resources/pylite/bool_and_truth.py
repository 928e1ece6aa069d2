for v in [0, 1, -1, 0.0, 0.1, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), None, range(0), range(1)]:
    print(repr(v), bool(v), not v)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or [] or "last", "x" and "y" and "z")
print(True + 1, isinstance(True, int), type(True), int(True), str(False))
class Box:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Flag:
    def __bool__(self):
        return False
print(bool(Box(0)), bool(Box(3)), bool(Flag()), bool(object()))
