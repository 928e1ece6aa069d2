def report(a, b, c):
    print(a, b, c)

report(1,
       learning_rate,
       3)
