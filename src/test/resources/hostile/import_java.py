# expect: PYTHON_ERROR ModuleNotFoundError
import java.lang.Runtime
