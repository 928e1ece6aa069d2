class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, *exc):
        print("close", self.name, exc[0].__name__ if exc[0] else None)
        return False
def lines():
    with Resource("file") as r:
        for i in range(3):
            yield f"{r.name}:{i}"
print(list(lines()))
def early_return():
    try:
        for i in range(10):
            if i == 2:
                return "stopped"
            yield i
    finally:
        print("finally after return")
g = early_return()
print(list(g))
def handler_yields():
    for x in [1, 0, 2]:
        try:
            yield 10 // x
        except ZeroDivisionError as e:
            yield f"caught {e}"
            continue
        yield "after"
print(list(handler_yields()))
def loop_control():
    n = 0
    while True:
        n += 1
        if n % 2 == 0:
            continue
        if n > 7:
            break
        yield n
    else:
        yield "never"
    yield "end"
print(list(loop_control()))
def raises_inside():
    yield 1
    raise KeyError("inside generator")
try:
    for v in raises_inside():
        print("got", v)
except KeyError as e:
    print("KeyError:", e)
def nested():
    for row in range(3):
        for col in range(3):
            if col > row:
                break
            yield (row, col)
        else:
            yield "no break"
print(list(nested()))
def with_break():
    for name in ["a", "b", "c"]:
        with Resource(name):
            if name == "b":
                break
            yield name
print(list(with_break()))
def counter():
    count = 0
    while True:
        step = yield count
        if step is None:
            step = 1
        count += step
c = counter()
print(next(c), c.send(5), next(c), c.send(10))
def generator_in_class():
    class Tree:
        def __init__(self, value, children=()):
            self.value, self.children = value, children
        def walk(self):
            yield self.value
            for child in self.children:
                yield from child.walk()
    return Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(generator_in_class().walk()))
