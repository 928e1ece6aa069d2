# expect: LIMIT_EXCEEDED MEMORY
x = 1 << (1 << 40)
