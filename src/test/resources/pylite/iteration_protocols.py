class Grid:
    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
    def __iter__(self):
        for r in range(self.rows):
            for c in range(self.cols):
                yield r, c
    def __len__(self):
        return self.rows * self.cols
g = Grid(2, 3)
print(len(g), list(g), sum(r * c for r, c in g), max(g), sorted(g, reverse=True)[:2])
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), [x for x in Seq() if x])
it = iter(range(5))
print(next(it), next(it), list(it), list(it))
pairs = list(zip(range(3), "abc", [True, False, None]))
print(pairs, list(enumerate("xy", 10)), dict(enumerate("ab")))
a, b, *c = range(5)
print(a, b, c, [*"hi", *[1, 2]], {*"aab"} == {"a", "b"}, (*range(2), 9))
def gen():
    yield from range(3)
    return "done"
print(list(gen()), list(map(pow, [2, 3], [3, 2])), list(filter(str.isdigit, "a1b2")))
print(all(x < 5 for x in range(5)), any(x > 3 for x in []), sum(1 for _ in range(10)))
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(sorted(nums)[len(nums) // 2], sorted(set(nums)), list(reversed(sorted(nums)))[:3], nums.index(1), nums.count(1))
total = 0
for i, n in enumerate(nums):
    if i % 2:
        continue
    total += n
print(total)
