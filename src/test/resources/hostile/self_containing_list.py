# expect: OK
a = [1]
a.append(a)
d = {}
d['self'] = d
print(a, d)
