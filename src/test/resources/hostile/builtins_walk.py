# expect: PYTHON_ERROR AttributeError
print(print.__self__.__dict__)
