# expect: PYTHON_ERROR ModuleNotFoundError
import sys
sys.exit(0)
