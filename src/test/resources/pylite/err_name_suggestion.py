values = [1, 2]
pritn(values)
