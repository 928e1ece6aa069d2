epochs = 3
while epochs > 0 print(epochs)
