# expect: LIMIT_EXCEEDED MEMORY
grid = [[0] * 1000 for _ in range(100000)]
