def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
def squares():
    n = 1
    while True:
        yield n * n
        n += 1
print(take(5, squares()))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def running_mean():
    total = 0.0
    count = 0
    mean = None
    while True:
        value = yield mean
        total += value
        count += 1
        mean = total / count
avg = running_mean()
next(avg)
print([avg.send(v) for v in [10, 20, 60]])
def batches(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
print(list(batches(range(7), 3)))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    else:
        yield "liftoff"
print(list(countdown(3)))
def gen_with_except():
    for x in [1, 0, 2]:
        try:
            yield 10 / x
        except ZeroDivisionError:
            yield "skip"
        finally:
            pass
print(list(gen_with_except()))
g = (x for x in range(3))
print(list(zip(g, g)))
evens = filter(lambda v: v % 2 == 0, squares())
print(next(evens), next(evens), next(evens))
def nested_loops():
    for i in range(3):
        for j in range(3):
            if j > i:
                break
            if (i + j) % 2:
                continue
            yield (i, j)
print(list(nested_loops()))
gen = countdown(2)
print(iter(gen) is gen, next(gen), list(gen), list(gen))
