# expect: LIMIT_EXCEEDED MEMORY
s = 'a' * 10 ** 10
