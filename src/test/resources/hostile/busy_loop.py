# expect: LIMIT_EXCEEDED TIME
while True:
    pass
