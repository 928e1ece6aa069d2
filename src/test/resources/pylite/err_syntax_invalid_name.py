learning rate = 0.1
