print("hello", 1, 2.5, 1e-5, 1e16, 0.1+0.2, -0.0, 10**30, True, None)
x = [1, 2, 3]
x.append(4)
print(x, len(x), x[-1], x[1:3], x[::-1])
d = {'a': 1, 'b': 2}
for k, v in d.items():
    print(k, v)
def f(a, b=2, *args, c=3, **kw):
    return a + b + c + sum(args) + len(kw)
print(f(1), f(1, 2, 3, 4, c=5, z=1))
class A:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"A({self.x!r})"
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
print(A(3), B(1, 2), B(1,2).y)
print(f"{3.14159:.2f} {42:>5} {'s':^5}| {1234567:,} {0.5:%} {x=}")
print(7 // -2, 7 % -2, -7 // 2, 7.5 % -2, 2 ** -1, 2 ** 100)
def gen(n):
    for i in range(n):
        if i % 2 == 0:
            yield i
print(list(gen(10)), sum(x*x for x in range(5)))
try:
    1/0
except ZeroDivisionError as e:
    print("caught", e)
print(sorted([3, 1, 2], reverse=True), "a,b".split(","), "-".join(["x", "y"]))
import math
print(math.sqrt(2), math.pi, round(2.675, 2), round(2.5), round(3.5))
import random
random.seed(42)
print(random.random(), random.randint(1, 10), random.choice([1,2,3]))
