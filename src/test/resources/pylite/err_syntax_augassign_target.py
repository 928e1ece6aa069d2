def scale(x):
    return x

scale(2) *= 3
