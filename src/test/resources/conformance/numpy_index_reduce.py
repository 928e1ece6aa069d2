import numpy as np
import torch

a = np.array([0.1, 0.2, 0.3, 0.4, 0.5], dtype=np.float32)
print(a[0], a[-1], a[1:3], a[::-2], a[[0, 2]])
print(repr(a[0]), type(a[0]).__name__, float(a[0]), f"{a[1]:.3f}")
m = np.arange(12).reshape(3, 4)
print(m[1], m[:, 0], m[-1, -2], m[1:, 2:])
print(m[0, None], m[..., 1])
m[0, 0] = 100
m[1] = np.array([7, 7, 7, 7])
print(m)
b = np.array([[1.5, -2.25, 3.0], [0.5, 4.0, -1.0]])
print(b.sum(), b.sum(axis=0), b.sum(axis=1), b.sum(axis=-1))
print(b.mean(), b.mean(axis=0), b.max(), b.min(axis=1), b.argmax(), b.argmin(axis=0))
print(repr(b.max(axis=0)), repr(b.argmax(axis=1)), repr(m.sum()), repr(m.mean()))
print(np.sum(b), np.mean([1, 2, 3, 4]), np.max(m, axis=0), np.argmax([3, 9, 2]))
x = np.linspace(0.0, 1.0, 21, dtype=np.float32)
print(x.sum(), x.mean(), (x * 3.7).sum(), np.float32(0.1) * 3)
y = np.arange(300, dtype=np.float32) * np.float32(0.013)
print(y.sum(), y.mean(), y.reshape(30, 10).sum(axis=0), y.reshape(30, 10).mean(axis=1)[:4])
z = np.arange(150).reshape(3, 50) * 0.1
print(z.sum(axis=1), z.sum(), z.mean(axis=0)[:5])
print(np.float32(1e-5), np.float32(2.5), np.float64(1e20), np.int64(7), np.float32(3) / 2)
print(repr(np.float32(0.1)), np.float32(1) == 1.0, np.float32(0.5) < 1, int(np.int64(4)) + 1)
print(np.array([1e-5, 2.0]), np.array([1e-5, 2.0], dtype=np.float32))
print(np.array([1.5e-9, -3.25]), np.array([1e10, 1.0]), np.array([123456789.0, 1.0]))
print(repr(np.array([1e-5, 2.0])), repr(np.array([0.001, 10.0], dtype=np.float32)))
print(np.array([[1e-7, 1.0], [2.0, 3.0]]))
print(np.array([0.0, 1e-12]), np.array([-0.0, 5e-5]), repr(np.array(1e-5)))
print(np.array([1.0, float("inf"), float("nan")]), np.array([-float("inf"), 2.5]), np.array([float("nan")]))
print(np.array([1e-5, float("nan")]), np.array([1.0 / 3, 2.0 / 3, 1e-9]))
print(np.array(np.arange(40) * 1e6))
t = torch.from_numpy(np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32))
print(t[0], t.numpy()[1, 0], t.numpy().sum(axis=0))
try:
    print(a[10])
except IndexError as e:
    print("IndexError:", e)
try:
    print(m.sum(axis=2))
except IndexError as e:
    print("IndexError:", str(e).replace("numpy.AxisError", "AxisError"))
