items = [1, 2]
del len(items)
