def show(a, b):
    print(a, b)

show("loss" "value" total)
