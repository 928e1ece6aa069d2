def scale(x, total):
    return x / total


xs = [1, 2, 3]
print([scale(x, 6) for x in xs])
ys = {x: -x for x in xs}
print(ys)
total = 0
print(sum(scale(x, 1) for x in xs), [scale(x, total) for x in xs])
