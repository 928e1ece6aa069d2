# expect: PYTHON_ERROR AttributeError
def f():
    pass

print(f.__globals__)
