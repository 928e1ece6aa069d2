# assigning to list slices: what must be iterable, and extended slices that must match in size
x = [1, 2, 3, 4, 5]
attempts = [
    ("x[0:1] = 5", lambda y: y.__setitem__(slice(0, 1), 5)),
    ("x[1:3] = None", lambda y: y.__setitem__(slice(1, 3), None)),
    ("x[::2] = [1]", lambda y: y.__setitem__(slice(None, None, 2), [1])),
    ("x[::2] = 5", lambda y: y.__setitem__(slice(None, None, 2), 5)),
    ("x[::-1] = [1, 2]", lambda y: y.__setitem__(slice(None, None, -1), [1, 2])),
]
for text, attempt in attempts:
    y = list(x)
    try:
        attempt(y)
    except (TypeError, ValueError) as e:
        print(text, '->', type(e).__name__, e)
for text in ["y[0:1] = 5", "y[1:3] = None", "y[::2] = 5", "y[::2] = [1]"]:
    y = list(x)
    try:
        if text == "y[0:1] = 5":
            y[0:1] = 5
        elif text == "y[1:3] = None":
            y[1:3] = None
        elif text == "y[::2] = 5":
            y[::2] = 5
        else:
            y[::2] = [1]
    except (TypeError, ValueError) as e:
        print(text, '->', type(e).__name__, e)
    print(y)
y = list(x); y[::2] = [7, 8, 9]; print(y)
y = list(x); y[::-2] = 'abc'; print(y)
y = list(x); y[1:3] = 'xy'; print(y)
y = list(x); y[1:3] = (9,); print(y)
y = list(x); y[1:1] = range(3); print(y)
y = list(x); y[::1] = [0]; print(y)
y = list(x); del y[::2]; print(y)
y = list(x); del y[::-2]; print(y)
y = list(x); del y[1::3]; print(y)
y = list(x); del y[5:100:2]; print(y)
y = list(x); del y[1:3]; print(y)
y = list(x); del y[::-1]; print(y)
y = list(x); y[4:1:-1] = [0, 0, 0]; print(y)
y = list(x); y[::2] = {1: 2, 3: 4, 5: 6}; print(y)
y = list(x); y[:] = y; print(y)
y = list(x); y[::2] = y[1::2] + [0]; print(y)
y = list(x); y[::-1] = y; print(y)
y = list(x); y[0:2] = iter([7, 7, 7]); print(y)
y = list(x); y[::2] = (i for i in range(3)); print(y)
y = list(x); y[::2] = []
