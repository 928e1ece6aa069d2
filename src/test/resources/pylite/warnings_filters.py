import warnings

def check(lr):
    if lr > 1:
        warnings.warn(f"lr={lr} is large")
    return lr

for lr in [2, 3, 2]:
    check(lr)

warnings.simplefilter("ignore")
check(5)
warnings.resetwarnings()
check(2)
check(2)
warnings.simplefilter("always")
check(2)
check(2)
warnings.simplefilter("once")
check(7)
check(7)
check(8)
print("done")
