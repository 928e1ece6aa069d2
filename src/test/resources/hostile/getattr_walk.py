# expect: PYTHON_ERROR AttributeError
print(getattr(getattr(0, '__class__'), '__subclasses__'))
