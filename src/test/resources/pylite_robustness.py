# Calls every builtin, math and random function, and every method of the built-in types, with assorted
# wrong arguments. Every failure must be a Python exception the program can catch; the last line printed
# before an internal failure names the culprit.
import math
import random
samples = [None, 0, -1, 2.5, "s", "", [1, "a"], (), {"k": 1}, {3}, range(3), len, 10 ** 30]
arg_sets = [()] + [(a,) for a in samples] + [(a, b) for a in samples[:8] for b in samples[:8]]
targets = [("print", print), ("len", len), ("repr", repr), ("ascii", ascii), ("format", format), ("abs", abs),
           ("round", round), ("divmod", divmod), ("pow", pow), ("min", min), ("max", max), ("sum", sum),
           ("sorted", sorted), ("reversed", reversed), ("enumerate", enumerate), ("zip", zip), ("map", map),
           ("filter", filter), ("any", any), ("all", all), ("isinstance", isinstance), ("issubclass", issubclass),
           ("hasattr", hasattr), ("getattr", getattr), ("iter", iter), ("next", next), ("callable", callable),
           ("hash", hash), ("chr", chr), ("ord", ord), ("bin", bin), ("oct", oct), ("hex", hex), ("int", int),
           ("float", float), ("str", str), ("bool", bool), ("list", list), ("dict", dict), ("tuple", tuple),
           ("set", set), ("range", range), ("slice", slice), ("type", type), ("property", property),
           ("staticmethod", staticmethod), ("classmethod", classmethod), ("super", super)]
for name in ["sqrt", "exp", "log", "log2", "log10", "sin", "cos", "atan2", "floor", "ceil", "trunc", "pow",
             "hypot", "isclose", "factorial", "gcd", "lcm", "comb", "perm", "prod", "fsum", "isqrt", "modf",
             "frexp", "ldexp", "fmod", "copysign", "dist", "degrees", "isnan"]:
    targets.append(("math." + name, getattr(math, name)))
for name in ["random", "randint", "randrange", "choice", "shuffle", "uniform", "gauss", "sample", "choices",
             "getrandbits", "triangular", "expovariate", "normalvariate"]:
    targets.append(("random." + name, getattr(random, name)))
method_names = ["upper", "lower", "strip", "split", "rsplit", "join", "replace", "startswith", "endswith", "find",
                "rfind", "index", "rindex", "count", "format", "isdigit", "center", "ljust", "rjust", "zfill",
                "partition", "rpartition", "splitlines", "removeprefix", "removesuffix", "title", "capitalize",
                "append", "extend", "insert", "pop", "remove", "clear", "copy", "reverse", "sort", "keys",
                "values", "items", "get", "setdefault", "update", "popitem", "fromkeys", "add", "discard",
                "union", "intersection", "difference", "issubset", "isdisjoint", "bit_length", "is_integer",
                "as_integer_ratio", "__getitem__", "__len__", "__contains__", "__add__", "__eq__", "__lt__"]
for owner in ["text", [3, 1, 2], (1, 2), {"a": 1}, {1, 2}, 7, 1.5, range(4)]:
    for name in method_names:
        method = getattr(owner, name, None)
        if method is not None:
            targets.append((type(owner).__name__ + "." + name, method))
calls = 0
for label, fn in targets:
    for args in arg_sets:
        print(label, args)
        calls += 1
        try:
            fn(*args)
        except Exception:
            pass
print("survived", calls, "calls")
