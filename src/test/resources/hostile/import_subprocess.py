# expect: PYTHON_ERROR ModuleNotFoundError
import subprocess
