values = [0.1, 0.2, 0.1 + 0.2, 1.0, 1e-4, 1e-5, 0.0001234, 1e15, 1e16, 1.5e16, 123456789012345678.0,
          1e22, 1e23, 2.5e-10, -0.0, 0.0, 3.141592653589793, 2.0 ** 0.5, 1 / 3, 2 / 3, 100.0, 1e100,
          5e-324, 1.7976931348623157e308, 12345.678, 0.5, 9.999999999999999e15]
for v in values:
    print(v, repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("1e5"), float(" 2.5 "), float("-.5"), float("1_000.5"), float(7), float(True))
print(1e308 * 10, -1e308 * 10)
print([1.0, 2.5, 1e-7], (0.1,), {"x": 1e16})
print(round(0.1 + 0.2, 2), round(2.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(1234.5678, -2))
print(round(7, -1), round(15, -1), round(25, -1), round(1e300, 2), round(-0.4))
print(7.0 // 2, 7.0 % 2, -7.0 // 2, -7.0 % 2, 7.5 // -2, 7.5 % -2, 1e300 % 7, -0.0 % 5)
print(divmod(7.5, 2), divmod(-7.5, 2))
print((2.5).is_integer(), (2.0).is_integer(), (0.75).as_integer_ratio())
