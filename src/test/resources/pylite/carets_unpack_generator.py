def pairs():
    yield 1
    raise ValueError("no second value")

a, b = pairs()
