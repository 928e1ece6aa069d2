cache = {"x": 1}
del cache["x"]
del cache["x"]
