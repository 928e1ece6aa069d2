import warnings
warnings.simplefilter("error")
def f():
    warnings.warn("lr is too large", RuntimeWarning)
f()
