def worker():
    try:
        while True:
            task = yield "ready"
            print("working on", task)
    except ValueError as e:
        print("recovered from", e)
        yield "after error"
    finally:
        print("worker cleanup")
w = worker()
print(next(w))
print(w.send("a"))
print(w.throw(ValueError("bad task")))
w.close()
print("closed")
def stubborn():
    try:
        yield 1
    finally:
        print("finally on close")
s = stubborn()
next(s)
s.close()
s.close()
def ignores():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring exit")
    yield 2
g = ignores()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def fresh():
    yield 1
f = fresh()
f.close()
print(list(f))
h = fresh()
try:
    h.throw(KeyError("k"))
except KeyError as e:
    print("KeyError from throw:", e)
print(list(h))
