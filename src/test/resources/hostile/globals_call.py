# expect: PYTHON_ERROR NameError
g = globals()
