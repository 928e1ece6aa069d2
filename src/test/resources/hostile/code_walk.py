# expect: PYTHON_ERROR AttributeError
print((lambda: 0).__code__)
