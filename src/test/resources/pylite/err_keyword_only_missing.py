def f(*, lr):
    return lr

f()
