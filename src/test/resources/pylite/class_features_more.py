class Base:
    registry = []
    def __init__(self):
        Base.registry.append(type(self).__name__)
    @classmethod
    def create(cls, *args):
        return cls(*args)
    def describe(self):
        return f"I am {self.name()}"
    def name(self):
        return "base"
class Child(Base):
    def name(self):
        return "child"
class GrandChild(Child):
    def __init__(self, tag):
        super().__init__()
        self.tag = tag
    def name(self):
        return "grand-" + super().name() + "-" + self.tag
print(Base.create().describe(), Child.create().describe(), GrandChild.create("x").describe(), Base.registry)
class Point:
    __slots_like = None
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(1, 2)
print(p == Point(1, 2), p != Point(2, 1), p in [Point(1, 2)], [Point(), Point(y=5)])
try:
    {p: 1}
except TypeError as e:
    print("TypeError:", e)
class Stack:
    def __init__(self):
        self._items = []
    def push(self, item):
        self._items.append(item)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self):
        return len(self._items)
    def __bool__(self):
        return bool(self._items)
    def __iter__(self):
        return iter(reversed(self._items))
s = Stack()
for i in range(3):
    s.push(i * i)
print(len(s), list(s), s.pop(), bool(s), [x for x in s])
while s:
    s.pop()
try:
    s.pop()
except IndexError as e:
    print(e)
class Meters:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        return NotImplemented
    def __radd__(self, other):
        return Meters(self.v + other)
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"{self.v}m"
print(Meters(1) + Meters(2), 5 + Meters(1), sum([Meters(1), Meters(2)]), sorted([Meters(3), Meters(1)]), max(Meters(2), Meters(7)))
print(type(Meters(1)) == Meters, isinstance(Meters, type), type(Meters).__name__, Meters.__name__, Meters.__qualname__)
class Shape:
    sides = 0
    def area(self):
        raise NotImplementedError("subclasses compute their area")
class Square(Shape):
    sides = 4
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
for shape in [Square(3), Shape()]:
    try:
        print(type(shape).__name__, shape.sides, shape.area())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
