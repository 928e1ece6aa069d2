# expect: PYTHON_ERROR TypeError
list.append = None
