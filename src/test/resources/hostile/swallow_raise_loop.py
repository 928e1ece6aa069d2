# expect: LIMIT_EXCEEDED TIME
while True:
    try:
        raise ValueError('x')
    except ValueError:
        continue
