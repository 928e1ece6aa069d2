# expect: PYTHON_ERROR NameError
print(open('/etc/passwd').read())
