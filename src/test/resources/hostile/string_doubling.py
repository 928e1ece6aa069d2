# expect: LIMIT_EXCEEDED MEMORY
s = 'ab'
while True:
    s += s
