"""Writes golden cases for CPython's float formatting: format(x, '.{p}f'), format(x, '.{p}e'), repr(x).

Run with any CPython 3:  python3 tools/golden/gen_float_format.py
Values are stored as the hexadecimal bit pattern of the IEEE double so that Java reads them exactly.
"""
import json
import math
import os
import random
import struct

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "printing",
                   "float_format.json")


def bits(x):
    return format(struct.unpack("<Q", struct.pack("<d", x))[0], "016x")


def as_float32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def main():
    rng = random.Random(2024)
    values = [0.0, -0.0, 1.0, -1.0, 0.5, 0.125, 0.375, 2.5, 1.0005, 0.00005, 0.99995, 9.99995, 1e-4, 1e-5,
              1e16, 1e15, 123456789012345678.0, 1234567890123456.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e-8,
              1e-300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1e22, 1e23, float(2 ** 53),
              2 ** 53 + 1.0, 0.01, 0.001, 0.9, 0.999, 1e-08, 3e-4, 65504.0, math.pi, math.e,
              float("inf"), float("-inf"), float("nan")]
    values += [as_float32(v) for v in [0.1, 0.2, 0.3, 0.12345, 1e-5, 3.14159265, 1e-45, 1e38]]
    for _ in range(400):
        values.append(rng.uniform(-1, 1) * 10 ** rng.randint(-12, 12))
    for _ in range(200):
        values.append(as_float32(rng.gauss(0, 1) * 10 ** rng.randint(-8, 8)))
    for _ in range(100):
        values.append(struct.unpack("<d", struct.pack("<Q", rng.getrandbits(63)))[0])
    for _ in range(100):
        values.append(rng.randint(-10 ** 6, 10 ** 6) / 2 ** rng.randint(0, 8))
    cases = []
    for i, value in enumerate(values):
        precisions = [0, 1, 2, 4, 6, 8] if i < 60 else [rng.choice([0, 1, 2, 3, 4, 5, 8, 12])]
        for p in precisions:
            cases.append({"bits": bits(value), "spec": f".{p}f", "expected": format(value, f".{p}f")})
            cases.append({"bits": bits(value), "spec": f".{p}e", "expected": format(value, f".{p}e")})
        cases.append({"bits": bits(value), "spec": "repr", "expected": repr(value)})
    with open(OUT, "w") as out:
        json.dump({"generator": "tools/golden/gen_float_format.py", "python": ".".join(map(str, __import__("sys").version_info[:3])),
                   "cases": cases}, out, indent=0)
        out.write("\n")
    print(f"wrote {len(cases)} cases")


if __name__ == "__main__":
    main()
