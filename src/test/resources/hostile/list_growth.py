# expect: LIMIT_EXCEEDED MEMORY
x = []
while True:
    x.append([0] * 100000)
