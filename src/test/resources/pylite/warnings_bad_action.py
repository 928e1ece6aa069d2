import warnings
try:
    warnings.simplefilter("loud")
except AssertionError as e:
    print("AssertionError:", e)
try:
    warnings.filterwarnings("ignore", category=int)
except AssertionError as e:
    print("AssertionError:", e)
try:
    warnings.filterwarnings("ignore", category=5)
except AssertionError as e:
    print("AssertionError:", e)
try:
    warnings.simplefilter("ignore", lineno=-1)
except AssertionError as e:
    print("AssertionError:", e)
c = warnings.catch_warnings()
with c:
    pass
try:
    c.__exit__(None, None, None)
    with c:
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
