# expect: LIMIT_EXCEEDED MEMORY
def forever():
    while True:
        yield [1] * 100000

items = list(forever())
