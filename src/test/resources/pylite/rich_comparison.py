class Vec:
    def __init__(self, xs):
        self.xs = xs

    def __eq__(self, other):
        if isinstance(other, Vec):
            return [a == b for a, b in zip(self.xs, other.xs)]
        if isinstance(other, (int, float)):
            return [a == other for a in self.xs]
        return NotImplemented

    def __ne__(self, other):
        return "ne called with " + repr(other)

    def __repr__(self):
        return f"Vec({self.xs})"


class Plain:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Plain) and self.v == other.v


v = Vec([1, 2, 3])
print(v == Vec([1, 0, 3]))
print(v == 2, 2 == v, "a" == v)
print(v != 2, 2 != v, v != "x")
print(Plain(1) == Plain(1), Plain(1) != Plain(1), Plain(1) != Plain(2), 1 != Plain(1))
print(Plain(3) in [Plain(1), Plain(3)], Plain(4) in (Plain(1),), [Plain(2)] == [Plain(2)])
print([1, 2].index(2), 2 in [v], v in [v])
try:
    print(5 in [Vec([])])
except Exception as e:
    print(type(e).__name__, e)
