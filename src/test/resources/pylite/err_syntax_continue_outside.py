def step():
    continue
