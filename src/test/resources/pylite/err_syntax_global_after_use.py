best_loss = 1.0

def record(loss):
    if loss < best_loss:
        global best_loss
        best_loss = loss

record(0.5)
