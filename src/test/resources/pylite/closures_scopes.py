counter_total = 0
def make_counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(5), c2())
def bump():
    global counter_total
    counter_total += 10
bump(); bump()
print(counter_total)
adders = [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders])
late = [lambda: i for i in range(3)]
print([f() for f in late])
x = "global"
def show():
    return x
def shadow():
    x = "local"
    return x, show()
print(shadow(), x)
def outer():
    v = 1
    def middle():
        def inner():
            return v * 100
        return inner()
    v = 2
    return middle()
print(outer())
class K:
    attr = 5
    doubled = [attr * 2]
    def method(self):
        return self.attr
print(K.doubled, K().method())
i = 99
squares = [i * i for i in range(4)]
print(squares, i)
