def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(4)), sum(count_up(5)), max(count_up(3)))
g = count_up(2)
print(next(g), next(g), next(g, "end"))
def naturals():
    n = 0
    while True:
        yield n
        n += 1
for v in naturals():
    if v > 3:
        break
    print("nat", v)
def pairs(xs):
    for i, x in enumerate(xs):
        for y in xs[i + 1:]:
            yield x, y
print(list(pairs("abc")))
def with_return():
    yield 1
    return "finished"
gr = with_return()
next(gr)
try:
    next(gr)
except StopIteration as stop:
    print("stop value:", stop.value)
def echo():
    received = None
    while True:
        received = yield received
        if received == "quit":
            return
e = echo(); next(e)
print(e.send("hi"), e.send(5))
def delegate():
    yield "start"
    yield from count_up(3)
    yield from ["x", "y"]
print(list(delegate()))
def guarded():
    try:
        yield "in try"
        yield "still"
    finally:
        print("cleanup")
print(list(guarded()))
def filt(xs):
    for x in xs:
        if x % 2:
            continue
        try:
            yield 10 // x
        except ZeroDivisionError:
            yield "div0"
print(list(filt([0, 1, 2, 4, 5])))
squares = (x * x for x in range(5))
print(type(squares).__name__, next(squares), list(squares), list(squares))
print(sum(x for x in range(10) if x % 3 == 0), list(x + y for x in "ab" for y in "12"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
