# expect: PYTHON_ERROR NameError
compile('1', 'x', 'eval')
