a = b = c = [1]
a.append(2)
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x
print(x, y)
first, *rest = "hello"
*init, last = [1, 2, 3]
head, *mid, tail = range(6)
print(first, rest, init, last, head, mid, tail)
[p, q], r = "ab", "c"
print(p, q, r)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
n = 10
n += 5; n -= 3; n *= 2; n //= 5; n **= 3; n %= 7; n <<= 2; n >>= 1; n |= 8; n &= 12; n ^= 5
print(n)
s = "ab"; s += "cd"; s *= 2; print(s)
f = 7.5; f /= 2; print(f)
t = (1, 2); t += (3,); print(t)
d = {"k": [1]}; d["k"] += [2]; d["n"] = d.get("n", 0) + 1; print(d)
class P:
    pass
o = P(); o.v = 1; o.v += 41; print(o.v)
lst = [1, 2, 3]; lst[0] += 10; lst[-1] *= 2; print(lst)
del lst[0]
print(lst)
x: int = 5
y: list
print(x)
i = j = 0
print(i, j)
