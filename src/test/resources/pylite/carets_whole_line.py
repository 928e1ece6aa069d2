def step():
    undefined_function()


step()
