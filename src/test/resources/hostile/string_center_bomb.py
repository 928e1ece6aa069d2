# expect: LIMIT_EXCEEDED MEMORY
s = 'x'.center(10 ** 9)
