# expect: PYTHON_ERROR NameError
print(eval('1 + 1'))
