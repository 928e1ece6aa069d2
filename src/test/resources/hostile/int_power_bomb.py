# expect: LIMIT_EXCEEDED MEMORY
x = 10 ** 10 ** 10
