x = 10
def read_global():
    return x
def shadow_param(x):
    x += 1
    return x
def make():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    return add
add = make()
print(read_global(), shadow_param(1), x, add("a"), add("b"))
def outer():
    a = 1
    def mid():
        nonlocal a
        a += 1
        def inner():
            nonlocal a
            a *= 10
            return a
        return inner()
    return mid(), a
print(outer())
def uses_later():
    return later_defined()
def later_defined():
    return "found at call time"
print(uses_later())
class C:
    value = 1
    values = [value * i for i in range(3)] if False else [1, 2]
    def get(self):
        return value_global
value_global = "module-level"
print(C().get(), C.values)
for i in range(3):
    pass
print("loop var survives:", i)
def delete_local():
    y = 5
    del y
    try:
        return y
    except NameError as e:
        return type(e).__name__
print(delete_local())
g = 0
def counter():
    global g
    for _ in range(3):
        g += 1
counter(); counter()
print(g)
funcs = {}
for name in ["a", "b"]:
    def f(n=name):
        return n.upper()
    funcs[name] = f
print({k: v() for k, v in funcs.items()})
print([(lambda y: y + x)(1) for x in range(3)])
