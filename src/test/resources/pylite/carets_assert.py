def check(lr):
    assert lr > 0, f"lr must be positive, got {lr}"
    return lr


print(check(0.1))
check(-0.5)
