import numpy as np

a = np.array([0.1, 0.2, 0.3, 0.4], dtype=np.float32)
mask = a > 0.15
print(mask, repr(mask), mask.dtype, a[mask], a[a <= 0.2], a[a != np.float32(0.3)])
print(np.arange(5) == 2, np.arange(5) >= np.array([0, 2, 2, 9, 1]), (a > 0.15).sum(), (a > 0.15).mean())
print(np.float32(0.15) > 0.15, np.array([0.15], dtype=np.float32) > 0.15, np.array([0.15]) > 0.15)
m = np.arange(6).reshape(2, 3)
print(m[m > 2], (m > 2).max(), (m > 9).max(axis=0), mask[1], repr(mask[0]))
b = a.copy()
b[b > 0.25] = 0.0
print(b, a)
try:
    if a > 0.1:
        pass
except ValueError as e:
    print("ValueError:", e)
print(bool(np.array([3])), np.array([[True, False], [False, True]]))
