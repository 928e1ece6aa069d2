loss = 0.25
print(f"loss: {}" + str(loss))
