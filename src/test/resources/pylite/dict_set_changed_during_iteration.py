# adding or removing keys (or set elements) while a loop walks them fails at the loop's next step
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print('RuntimeError', e)
print(d)
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print('RuntimeError', e)
print(d)
d = {1: 1, 2: 2}
for k in d:
    d[k] = 5
print(d)
d = {1: 1}
for k in d:
    d[2] = 2
    del d[2]
print('same size is not noticed', d)
d = {1: 1, 2: 2}
try:
    for k, v in d.items():
        d.pop(k)
except RuntimeError as e:
    print('RuntimeError', e)
d = {1: 1, 2: 2}
try:
    for v in d.values():
        d.clear()
except RuntimeError as e:
    print('RuntimeError', e)
d = {1: 1, 2: 2}
try:
    for k in d.keys():
        d.update({3: 3})
except RuntimeError as e:
    print('RuntimeError', e)
d = {1: 1, 2: 2}
it = iter(d)
print(next(it))
d[3] = 3
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    next(it)
except RuntimeError as e:
    print('again', e)
d = {1: 1}
for k in d:
    d[5] = 5
    break
print(d)
d = {1: 1}
it = iter(d)
print(next(it))
d[2] = 2
try:
    print(next(it))
except RuntimeError as e:
    print('RuntimeError', e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print('RuntimeError', e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print('RuntimeError', e)
s = {1, 2}
for x in s:
    s.add(1)
print(s)
try:
    print([k for k in d if d.setdefault(k * 7, 0) is not None])
except RuntimeError as e:
    print('RuntimeError', e)
d = {1: 1, 2: 2}
for k in list(d):
    d[k + 10] = 0
print(d)

d = {1: 1, 2: 2}
n = 0
try:
    for k in d:
        n += 1
        del d[k]
        d[k + 2] = 0
except RuntimeError as e:
    print('RuntimeError', e)
s = {1, 2}
it = iter(s)
next(it)
s.add(3)
for i in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print('RuntimeError', e)
d = {i: i for i in range(3)}
for k in d:
    d[k+100] = 1
