import warnings

def f(x):
    warnings.warn("x is negative", stacklevel=2)
    return x

for i in range(3):
    warnings.warn("careful")
    warnings.warn(f"step {i}" if i < 2 else "step 1", RuntimeWarning)
f(1)
f(2)
warnings.warn(UserWarning("as instance"))
warnings.warn("deprecated thing", DeprecationWarning)
warnings.warn("future", FutureWarning)
warnings.warn("deep", stacklevel=5)
warnings.warn(42)
print("done")
try:
    warnings.warn("bad", str)
except TypeError as e:
    print("TypeError:", e)
try:
    warnings.warn("bad", ValueError)
except TypeError as e:
    print("TypeError:", e)
warnings.warn("last",
              UserWarning)
