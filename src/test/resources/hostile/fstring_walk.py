# expect: PYTHON_ERROR AttributeError
print(f'{(1).__class__.__mro__[1].__subclasses__()}')
