import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", DeprecationWarning)
    warnings.warn("first")
print(len(caught))
for w in caught:
    print(w.category.__name__, w.message, w.lineno, w.filename.endswith("main.py"), repr(w.message))
print(str(caught[1]).split(", filename")[0])
print(warnings.catch_warnings(), warnings.catch_warnings(record=True))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("inside")
    except UserWarning as e:
        print("raised:", e)
warnings.warn("outside again")
warnings.warn("deprecated in main", DeprecationWarning)
warnings.warn("deprecated from sys", DeprecationWarning, stacklevel=2)

with warnings.catch_warnings(action="ignore"):
    warnings.warn("silenced")

class LrWarning(UserWarning):
    pass

with warnings.catch_warnings(record=True) as log:
    warnings.warn(LrWarning("custom"))
    warnings.warn("by class", LrWarning)
print([str(m.message) for m in log], [m.category.__name__ for m in log])
