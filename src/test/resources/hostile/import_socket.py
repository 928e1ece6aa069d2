# expect: PYTHON_ERROR ModuleNotFoundError
import socket
