# expect: LIMIT_EXCEEDED OUTPUT
while True:
    print('x' * 1000)
