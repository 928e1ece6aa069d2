# expect: PYTHON_ERROR NameError
exec('import os')
