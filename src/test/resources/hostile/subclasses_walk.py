# expect: PYTHON_ERROR AttributeError
classes = ().__class__.__base__.__subclasses__()
