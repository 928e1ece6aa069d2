scores = {"ann": 90, "bob": 72, "cy": 85}
print(sorted(scores, key=scores.get), max(scores, key=scores.get), sum(scores.values()), len(scores))
inverted = {v: k for k, v in scores.items()}
print(inverted, {k: v for k, v in scores.items() if v > 80})
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
nested = {"model": {"layers": [64, 32], "act": "relu"}, "lr": 0.01}
print(nested["model"]["layers"][-1], nested.get("opt", {}).get("name", "sgd"), list(nested))
nested["model"]["layers"].append(16)
copy = dict(nested)
copy["lr"] = 0.1
print(nested["lr"], copy["lr"], copy["model"] is nested["model"])
d = dict.fromkeys(["a", "b"], 0)
d.update(a=1)
d.update([("c", 3)])
print(d, "a" in d, "z" not in d, list(d.keys()), list(d.values()), list(d.items()))
for key in list(d):
    if d[key] == 0:
        del d[key]
print(d, d.pop("zz", "default"), d.setdefault("new", []), d)
keys = {(0, 0): "origin", (1, 0): "east"}
print(keys[(0, 0)], keys.get((1, 0)), (2, 2) in keys)
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, {"x": [1]} == {"x": [1]}, dict(a=1) != dict(a=2))
try:
    for k in scores:
        scores[k + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(scores))
