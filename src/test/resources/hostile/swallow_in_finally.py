# expect: LIMIT_EXCEEDED TIME
try:
    while True:
        pass
finally:
    print('finally must not run')
