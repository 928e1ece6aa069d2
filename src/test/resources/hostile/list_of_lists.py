# expect: LIMIT_EXCEEDED MEMORY
grid = [[0] * 100000 for _ in range(100000)]
