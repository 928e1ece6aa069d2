def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
def g(x, y=[]):
    y.append(x)
    return y
print(g(1), g(2), g([0], []))
def h(*, only):
    return only
print(h(only="kw"))
def defaults(a, b=None, c="x"):
    return a, b, c
print(defaults(1), defaults(1, c="z"), defaults(a=0, b=1))
sq = lambda v: v * v
print(sq(5), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, k=2), list(map(lambda p: p + 1, [1, 2])))
def doc():
    """The docstring."""
    return doc.__doc__
print(doc(), doc.__name__, f.__name__, sq.__name__)
def outer():
    def inner():
        return "inner"
    return inner
print(outer()(), outer().__qualname__)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
def fib(n, memo={}):
    if n in memo:
        return memo[n]
    memo[n] = n if n < 2 else fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(80))
def varargs(*numbers):
    return sum(numbers) / len(numbers) if numbers else None
print(varargs(), varargs(1, 2, 3, 4))
