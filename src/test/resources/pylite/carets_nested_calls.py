def divide(a, b):
    return a / b


def ratios(xs):
    total = sum(xs) - 6
    out = []
    for x in xs:
        out.append(divide(x, total) * 100)
    return out


try:
    x = (1 + 2) * divide(3, 0)
except ZeroDivisionError as e:
    print("caught", e)
print(ratios([1, 2, 3]))
