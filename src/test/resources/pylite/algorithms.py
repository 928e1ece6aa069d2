def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves
print(len(hanoi(6, "A", "C", "B", [])), hanoi(2, "A", "C", "B", []))
def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot, *rest = xs
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])
print(quicksort([5, 2, 9, 1, 5, 6, 0, -3]))
def primes(limit):
    sieve = [True] * (limit + 1)
    sieve[0:2] = [False, False]
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(range(i * i, limit + 1, i))
    return [i for i, p in enumerate(sieve) if p]
print(primes(60))
def binary_search(xs, target):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
data = list(range(0, 100, 3))
print(binary_search(data, 42), binary_search(data, 43))
from math import gcd
def fraction(a, b):
    g = gcd(a, b)
    return f"{a // g}/{b // g}"
print(fraction(84, 36), fraction(10 ** 20, 4 * 10 ** 19))
counts = {}
for word in "the quick brown fox jumps over the lazy dog the end".split():
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
matrix = [[1, 2], [3, 4]]
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
print(matmul(matrix, matrix), matmul([[1, 0], [0, 1]], matrix))
print(2 ** 100 % 1000000007, pow(2, 100, 1000000007), sum(int(d) for d in str(2 ** 1000)))
