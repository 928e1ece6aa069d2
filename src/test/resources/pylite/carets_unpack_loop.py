rows = [(1, 2), (3, 4), (5, 6, 7)]
total = 0
for x, y in rows:
    total += x * y
print(total)
