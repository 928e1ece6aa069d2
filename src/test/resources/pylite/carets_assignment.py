point = (1, 2)
grid = [[0, 0], [0, 0]]
grid[1][0] = 5
print(grid)
point[0] = 5
