sizes = [*range(3), *[4, 5]]
print(sizes)
more = [0, *len(sizes)]
