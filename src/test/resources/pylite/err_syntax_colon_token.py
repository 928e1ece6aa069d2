for epoch in range(3):
    pass
else print(epoch)
