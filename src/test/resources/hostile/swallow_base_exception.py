# expect: LIMIT_EXCEEDED TIME
while True:
    try:
        while True:
            pass
    except BaseException:
        print('swallowed')
