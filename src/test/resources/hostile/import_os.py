# expect: PYTHON_ERROR ModuleNotFoundError
import os
os.system('ls')
