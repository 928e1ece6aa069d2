t = (1, 2, 3, 2)
print(t, t[1], t[-1], t[1:], t.count(2), t.index(3), len(t), t + (4,), t * 2, (), (1,), tuple([1, 2]))
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, d["a"], d.get("z"), d.get("z", 0), len(d), "a" in d, list(d))
print(d.keys(), d.values(), d.items())
for k in d:
    print(k, d[k])
print(d.pop("b"), d, d.setdefault("e", 5), d.setdefault("a", 9), d)
d.update({"f": 6}, g=7); print(d)
del d["a"]; print(d, d.popitem(), d)
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict.fromkeys("ab", 0), {k: v * 2 for k, v in [("p", 1)]})
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "tuple key"})
merged = {**{"a": 1}, "b": 2, **{"a": 3}}; print(merged, {"a": 1} | {"b": 2})
s = {3}
s.add(1); s.add(3)
print(sorted(s), len(s), 3 in s, sorted({1, 2} | {2, 3}), sorted({1, 2} & {2, 3}), sorted({1, 2} - {2}), sorted({1, 2} ^ {2, 3}))
print({1, 2} <= {1, 2, 3}, {1}.issubset({2}), set(), sorted(set("hello")), sorted({x % 3 for x in range(10)}))
r = range(2, 20, 3)
print(r, list(r), len(r), r[2], r[-1], list(r[1:3]), 5 in r, 6 in r, range(5), list(range(5, 0, -1)), list(range(0)))
print(list(reversed(range(4))), list(reversed([1, 2, 3])), list(reversed("abc")), sum(range(101)))
e = {}
e.setdefault("k", []).append(1); print(e, dict(e) == e, {} == dict())
