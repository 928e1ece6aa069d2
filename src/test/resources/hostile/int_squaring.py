# expect: LIMIT_EXCEEDED MEMORY
x = 3
while True:
    x = x * x
