# expect: PYTHON_ERROR ModuleNotFoundError
from os import path
