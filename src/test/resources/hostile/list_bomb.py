# expect: LIMIT_EXCEEDED MEMORY
x = [0] * 10 ** 9
