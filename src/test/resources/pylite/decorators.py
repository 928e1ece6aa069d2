def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    return wrapper
def repeat(n):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        return wrapper
    return deco
@shout
def greet(name):
    return "hello " + name
@repeat(3)
def one():
    return 1
print(greet("bo"), one())
calls = []
def logged(fn):
    def inner(*a):
        calls.append(fn.__name__)
        return fn(*a)
    return inner
@logged
@shout
def hi():
    return "hi"
print(hi(), calls)
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        self._c = value * 1
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def make(cls):
        return cls()
t = Temp.make()
t.celsius = 25
print(t.celsius, Temp.unit(), t.unit(), type(t).__name__)
