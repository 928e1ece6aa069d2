# expect: PYTHON_ERROR AttributeError
class A:
    pass

print(A.__dict__)
