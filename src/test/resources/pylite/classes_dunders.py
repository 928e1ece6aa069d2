class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)
    def __lt__(self, other):
        return abs(self) < abs(other)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __call__(self, scale):
        return Vec(self.x * scale, self.y * scale)
    def __bool__(self):
        return bool(self.x or self.y)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, b - a, a * 3, 3 * a, -a, abs(b), a == Vec(1, 2), a != b, a < b, a > b, sorted([b, a]))
print(len(a), a[0], a[-1], list(a), 2 in a, 5 in a, a(10), bool(Vec(0, 0)), {a: "hashed"}[Vec(1, 2)])
x, y = b
print(x, y, max([a, b]), min(a, b))
v = Vec(1, 1)
v += Vec(1, 1)
print(v)
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(3)), [n * 2 for n in Countdown(2)])
class Registry:
    def __init__(self):
        self.data = {}
    def __setitem__(self, k, v):
        self.data[k] = v
    def __getitem__(self, k):
        return self.data[k]
    def __delitem__(self, k):
        del self.data[k]
r = Registry(); r["a"] = 1; r["b"] = 2; del r["a"]; print(r.data, r["b"])
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        return format(self.cents / 100, spec) + " EUR"
    def __radd__(self, other):
        return Money(other + self.cents)
print(f"{Money(1234):.2f}", sum([Money(1), Money(2)], 0).cents)
