# expect: LIMIT_EXCEEDED TIME
while True:
    try:
        x = 1
    except:
        pass
