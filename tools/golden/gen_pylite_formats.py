#!/usr/bin/env python3
"""Writes src/test/resources/golden/pylite/formats.json with CPython 3.11's answers for float repr,
format(value, spec) over many values and specs, round(x, n) and %-formatting, so pylite's Formatter can
be checked case by case. Random values come from a fixed seed; run with the machine's python3 (3.11).
"""
import json
import math
import pathlib
import random
import struct
import sys

OUT = pathlib.Path(__file__).resolve().parents[2] / "src/test/resources/golden/pylite/formats.json"


def bits(x):
    return struct.unpack("<q", struct.pack("<d", x))[0]


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("CPython 3.11 is the reference; this is " + sys.version)
    rng = random.Random(20240521)
    floats = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 1e-4, 1e-5, 9.5e-5, 1e15,
              1e16, 1e17, 123456789.125, 1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
              math.pi, math.e, 1 / 3, 2 / 3, 99.995, 0.045, 1234.5, 1e100, float("inf"), float("-inf"),
              float("nan"), 0.1 + 0.2, 100.0, 12345678.9, 6.02214076e23, 1.602176634e-19]
    for _ in range(600):
        kind = rng.random()
        if kind < 0.4:
            x = rng.uniform(-1000, 1000)
        elif kind < 0.7:
            x = rng.uniform(-1, 1) * 10 ** rng.randint(-30, 30)
        else:
            x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
            if math.isnan(x):
                continue
        floats.append(x)
    reprs = [[bits(x), repr(x)] for x in floats]
    specs = ["", ".0f", ".1f", ".2f", ".3f", "f", ".10f", "e", ".0e", ".2e", ".12e", "E", "g", ".1g", ".2g",
             ".6g", ".12g", ".17g", "G", "%", ".1%", ".0%", ".1", ".3", ".10", ",", ",.2f", "_.3f", "+", " ",
             "+.2e", "10.2f", "<12.3g", "^15.4e", ">20", "=+12.2f", "012.3f", "z.1f", "#.0f", "#g", ".3n", "015,.2f"]
    float_formats = [[bits(x), s, format(x, s)] for x in floats[:200] for s in specs]
    ints = [0, 1, -1, 7, 42, -42, 255, 1000, 123456789, -987654321, 2 ** 31, 2 ** 63, -2 ** 64 - 1,
            10 ** 25 + 3]
    int_specs = ["", "d", "5d", "<6", "^7", ">8", "06", "+", " ", ",", "_", "b", "#b", "o", "#o", "x", "#x",
                 "X", "#X", "_b", "_x", "010,", "+08", "=+10", "*^9", "e", ".2f", "%", "g", "n"]
    int_formats = [[str(i), s, format(i, s)] for i in ints for s in int_specs]
    rounds = []
    for x in floats[:300]:
        if math.isfinite(x):
            for n in (0, 1, 2, 3, -1, -2):
                rounds.append([bits(x), n, bits(round(x, n))])
    percents = [[t, repr(v), t % v] for t, v in [("%5.2f", 3.14159), ("%-6d|", 42), ("%+d", 5), ("%e", 12345.678),
                                                 ("%g", 0.0001), ("%x", 255), ("%#o", 8), ("%010.3f", -2.5),
                                                 ("%s", 1.5), ("%r", "q"), ("%.3s", "abcdef"), ("%c", 65)]]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"source": "CPython " + sys.version.split()[0], "reprs": reprs,
                               "floatFormats": float_formats, "intFormats": int_formats, "rounds": rounds,
                               "percents": percents}, separators=(",", ":")))
    print("wrote", OUT, OUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
