for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i, end=" ")
print()
for i in range(3):
    pass
else:
    print("for-else ran", i)
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("n =", n)
else:
    print("while-else ran")
while True:
    n -= 1
    if n < 2:
        break
print("after", n)
x = 7
if x < 5:
    print("small")
elif x < 10:
    print("medium")
else:
    print("large")
print("yes" if x else "no", [i for i in range(20) if i % 3 == 0 if i % 2 == 0])
for a, b in [(1, 2), (3, 4)]:
    for c in "xy":
        print(a, b, c, sep="-", end="|")
print()
total = 0
for i in range(1, 4):
    for j in range(1, 4):
        if j > i:
            break
        total += i * j
print(total)
