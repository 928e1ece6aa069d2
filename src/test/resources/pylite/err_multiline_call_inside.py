def check(x):
    if x > 2:
        raise ValueError(f"too big: {x}")
    return x

total = sum([
    check(1),
    check(2),
    check(3),
])
