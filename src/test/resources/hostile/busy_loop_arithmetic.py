# expect: LIMIT_EXCEEDED TIME
x = 0
while True:
    x = (x + 1) % 7
