class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Tracker("a") as t:
    print("inside", t.name)
with Tracker("outer"), Tracker("inner") as inner:
    print("both", inner.name)
with Tracker("swallow", suppress=True):
    raise ValueError("hidden")
print("after swallow")
try:
    with Tracker("propagate"):
        raise KeyError("seen")
except KeyError as e:
    print("caught", e)
def early():
    with Tracker("return"):
        return "returned"
print(early())
for i in range(3):
    with Tracker(f"loop{i}"):
        if i == 1:
            break
