for spec in ["", "d", "5", "<5", "^5", ">5", "05", "+", " ", ",", "_", "x", "X", "#x", "o", "#o", "b", "#b",
             "08b", "#010x", "+08,", "_x", "c", "n", "e", ".2e", "f", ".1f", "g", "%", ".0%", "=+8"]:
    print(repr(spec), "->", repr(format(255, spec)), repr(format(-1234567, spec)) if spec not in ("c",) else "")
for v in [0.0, -0.0, 1.5, -2.25, 1e-7, 123456.789, 1e22, float("inf"), float("nan"), 0.000123456]:
    print(v, [format(v, s) for s in ["", "f", ".2f", "e", ".3e", "g", ".3g", "G", "%", ".1%", ",", "10.2f",
                                      "<10", "^12.4", "+.1f", "z.1f", ".0f", "#.0f", ".10g", "n"]])
print(format(1234.5, "010,.1f"), format(-1234, "08,"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"))
print(format(0.125, ".2f"), format(0.375, ".2f"), format(1e16, ".17g"), format(123, ".2e"), format(1.0, ".3"))
print(format(12.0, ""), format(12.5, ".3"), format(1234.5, ".2"), format(0.0001, ".3"), format(True, "d"), format(True))
print(format("text", ">8"), format("text", ".2"), format("text", "*^9"), format(3, "*<4"), format(-3, "0=6"))
