def make_counter():
    def step():
        nonlocal count
        count += 1
        return count
    return step

print(make_counter()())
