# expect: PYTHON_ERROR ValueError
print(format(1, '1000000000'))
