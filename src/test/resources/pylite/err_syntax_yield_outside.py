values = [1, 2]
first = yield values
