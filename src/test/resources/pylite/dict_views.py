# dict.keys(), .values() and .items() are live views: not lists, not subscriptable
d = {'a': 1, 'b': 2}
k, v, it = d.keys(), d.values(), d.items()
print(type(k), type(v), type(it))
print(k, v, it)
print(repr(k), str(v))
print(len(k), len(v), len(it))
print('a' in k, 'z' in k, 1 in v, 5 in v, ('a', 1) in it, ('a', 2) in it, 'a' in it)
print(list(k), list(v), list(it))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(k == {'a', 'b'}, k == {'a'}, it == {('a', 1), ('b', 2)}, v == v, v == d.values())
print(k == d.keys(), {'a', 'b'} == k, k != {'a'})
print(sorted(k), tuple(it), set(k) == set(['a', 'b']))
for key in k:
    print(key, end=' ')
print()
for key, val in it:
    print(key, val, end=' ')
print()
d['c'] = 3
print(k, len(v), it)
print(k & {'a', 'z'}, k - {'a', 'b'}, it & {('c', 3)})
n = {1: 'x', 2: 'y', 3: 'z'}
print(n.keys() | {4}, n.keys() - {2}, n.keys() ^ {3, 4}, {1, 5} & n.keys(), {1, 5} - n.keys())
print(n.keys() & [2, 3], n.keys() & {2: 0}.keys())
print(n.keys() >= {1, 2}, n.keys() < {1, 2}, {1} <= n.keys(), n.keys() <= n.keys(), n.items() > {(1, 'x')})
try:
    n.keys() < [1, 2]
except TypeError as e:
    print(type(e).__name__, e)
print({}.keys(), {}.values(), {}.items())
print(bool({}.keys()), bool(k))
print(isinstance(k, type(d.keys())))
print(max(v), sum(n.keys()), min(it))
print(list(d.items())[0], next(iter(d.values())))
for view in (d.keys(), d.values(), d.items()):
    try:
        view[0]
    except TypeError as e:
        print(type(e).__name__, e)
try:
    d.keys()[0:1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(d.keys())
except TypeError as e:
    print(type(e).__name__, e)
first = d.keys()[0]
