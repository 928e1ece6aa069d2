lr = 0.1

def set_lr(lr):
    global lr
    lr = lr

set_lr(0.01)
