# expect: LIMIT_EXCEEDED TIME
import time
time.sleep(100)
