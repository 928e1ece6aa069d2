import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.floor(3.7), math.ceil(3.2), math.floor(-3.5), math.trunc(-3.7), math.ceil(5))
print(math.exp(1), math.log(math.e), math.log(100, 10), math.log10(1000), math.log2(8), math.log(8, 2), math.log1p(0))
print(math.sin(0), math.cos(0), math.tan(0), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
print(math.factorial(10), math.factorial(25), math.gcd(12, 18), math.gcd(0, 5), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.prod([1, 2, 3, 4]))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.fabs(-2), math.copysign(3, -0.0))
print(math.hypot(3, 4), math.pow(2, 10), math.fmod(7, 3), math.fmod(-7, 3), math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.isqrt(17), math.dist([0, 0], [3, 4]), math.floor(1e20), math.log(2 ** 1000))
from math import sqrt, pi as PI
print(sqrt(9), PI)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print(e)
