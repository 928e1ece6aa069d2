# expect: LIMIT_EXCEEDED MEMORY
s = 'a' * 1000
t = s.replace('a', 'b' * 100000)
