# expect: PYTHON_ERROR NameError
os = __import__('os')
