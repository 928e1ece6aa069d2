n = int("3")
m = abs(1, 2) + n
