# expect: LIMIT_EXCEEDED MEMORY
big = list(range(10 ** 9))
