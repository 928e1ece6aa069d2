def train():
    learning_rate = 0.1
    return learning_rat * 2

train()
