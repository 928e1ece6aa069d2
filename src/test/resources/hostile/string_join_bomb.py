# expect: LIMIT_EXCEEDED MEMORY
parts = ['a' * 1000] * 100000
s = ''.join(parts)
