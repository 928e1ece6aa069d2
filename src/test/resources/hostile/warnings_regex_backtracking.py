# expect: LIMIT_EXCEEDED TIME
import warnings
warnings.filterwarnings("ignore", message="(.*a){20}$")
warnings.warn("a" * 40 + "b")
