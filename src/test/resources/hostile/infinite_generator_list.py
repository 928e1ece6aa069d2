# expect: LIMIT_EXCEEDED MEMORY
def forever():
    while True:
        yield [1] * 1000

items = list(forever())
