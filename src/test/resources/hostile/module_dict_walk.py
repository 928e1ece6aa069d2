# expect: PYTHON_ERROR AttributeError
import math
print(math.__dict__)
