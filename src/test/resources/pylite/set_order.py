s = {3, 1, 2}
print(s, {10, 5, 100, 7, 64}, {-1, -2, 0}, set([5, 4, 3, 2, 1]), {x * 7 % 11 for x in range(20)})
t = set()
for v in [100, 8, 16, 1, 9, 32, 17]:
    t.add(v)
print(t, len(t))
t.discard(8); t.remove(1); t.add(24); t.add(8)
print(t, t.pop(), t)
a, b = {1, 2, 3, 40, 50}, {3, 4, 50, 60}
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a)
print(a.union([99, 2]), a.intersection(range(10)), a.difference({1}), a.symmetric_difference([1, 7]))
print({1.5, 2, 2.0, True, 0.5}, {(1, 2), (0, 0), (2, 1)}, set({"k": 1}) if False else "", set(range(20)))
big = set(range(0, 200, 7))
print(big)
big.update([1000, 3, 4])
print(big, sorted(big) == sorted(list(big)))
print(hash((1, 2)), hash(()), hash((1, (2, 3))), hash((-1,)), hash((1.5, "a")) == hash((1.5, "a")))
print(list({9, 18, 27, 36, 1}), [x for x in {64, 32, 16, 8}], {8, 16, 32, 64} == {64, 32, 16, 8})
