steps = 0

def train():
    steps += 1

train()
