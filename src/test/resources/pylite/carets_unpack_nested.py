def split(pair):
    first, (low, high) = pair
    return first, low, high

print(split((1, (2, 3))))
print(split((1, 2)))
