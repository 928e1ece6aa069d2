import math
inputs = [0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 10.0, 100.0, math.pi / 6, math.pi / 4, math.pi / 3, -0.75, -2.5]
for x in inputs:
    print(x, math.exp(x), math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.tanh(x))
    ax = abs(x)
    print("  ", math.log(ax), math.log10(ax), math.log2(ax), math.sqrt(ax), ax ** 0.5, ax ** 1.5, math.pow(ax, -0.3))
    print("  ", math.sinh(x), math.cosh(x), math.expm1(x), math.log1p(ax), math.atan2(x, 2.0), x ** 3)
sigmoid = [1 / (1 + math.exp(-z)) for z in (-3, -1, 0, 1, 3)]
print(sigmoid, [round(s, 4) for s in sigmoid])
print(math.exp(-1e-10), math.log(1 + 1e-10), (1 + 1e-9) ** 1e9, 0.5 ** 10, 2 ** 0.5, 10 ** -3, 7.0 ** 2)
