# expect: PYTHON_ERROR RecursionError
x = []
for i in range(5000):
    x = [x]
print(x)
