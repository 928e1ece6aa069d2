print(1 == 1.0, 1 < 2 < 3, 3 > 2 > 2, 1 <= 1.0 < 2, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(float("nan") == float("nan"), float("nan") < 1, 10 ** 400 > 1e308, -10 ** 400 < -1e308)
print(True == 1, False == 0, True is True, None is None, 1 != 2, "a" < "b" < "c", "B" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [] == [], (1,) == (1.0,))
print(max(3, 1, 2), min([4, 2, 8]), max("abc"), min([], default="empty"), max([1, 5, 3], key=lambda v: -v))
x = 5
print(0 < x < 10, 0 < x > 10, x == 5 == 5.0)
print(1 in [1, 2], 3 not in (1, 2), "ell" in "hello", 2 in {1: 2}, 1 in {1: 2}, 5 in range(0, 10, 5))
