def ratio(a, b):
    return a / b

def report():
    return ratio(1, 0)

report()
