def train():
    epochs = 3
    for epoch in range(epochs):
        pass
    global epochs
train()
