"""Writes the golden fixtures for tensor printing (torch._tensor_str) from real PyTorch.

Run with Debian's PyTorch:  /usr/bin/python3 tools/golden/gen_printing.py
Every case stores the input exactly (float32/float16 as float32 bit patterns, float64 as repr
strings, int64 as integers, bool as booleans), the print options in force, and repr(t).
Cases whose expected string is derived from PyTorch 2.x's source rather than printed by 1.13 are
listed in DERIVED below with "derived": true; docs/fidelity.md ("Printing") explains each.
"""
import json
import math
import os
import random
import struct

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "printing")
DTYPE_NAMES = {torch.float32: "float32", torch.float64: "float64", torch.float16: "float16",
               torch.int64: "int64", torch.bool: "bool"}


def encode_values(t):
    flat = t.detach().reshape(-1)
    if t.dtype in (torch.float32, torch.float16):
        return [struct.unpack("<I", struct.pack("<f", v))[0] for v in flat.float().tolist()]
    if t.dtype == torch.float64:
        return [repr(v) for v in flat.tolist()]
    return flat.tolist()


def current_options():
    opts = torch._tensor_str.PRINT_OPTS
    threshold = opts.threshold
    return {
        "precision": opts.precision,
        "threshold": "inf" if threshold == math.inf else int(threshold),
        "edgeitems": opts.edgeitems,
        "linewidth": opts.linewidth,
        "sci_mode": opts.sci_mode,
    }


class Cases:
    def __init__(self):
        self.groups = {}

    def add(self, group, name, t, options=None, parameter=False):
        options = options or {}
        torch.set_printoptions(**options)
        try:
            expected = repr(t)
            recorded_options = current_options()
        finally:
            torch.set_printoptions(profile="default")
        grad_fn = t.grad_fn
        self.groups.setdefault(group, []).append({
            "name": name,
            "shape": list(t.shape),
            "dtype": DTYPE_NAMES[t.dtype],
            "values": encode_values(t),
            "requires_grad": bool(t.requires_grad),
            "grad_fn": None if grad_fn is None else type(grad_fn).__name__,
            "parameter": parameter,
            "options": recorded_options,
            "expected": expected,
            "derived": False,
        })

    def add_derived(self, group, name, t, options, expected, note):
        try:
            self.add(group, name, t, options)
            case = self.groups[group][-1]
            case["printed_by_1_13"] = case["expected"]
        except RuntimeError as error:
            torch.set_printoptions(profile="default")
            self.add(group, name, t)
            case = self.groups[group][-1]
            case["options"] = dict(case["options"], **options)
            case["printed_by_1_13"] = f"RuntimeError: {error}"
        case["expected"] = expected
        case["derived"] = True
        case["note"] = note


def f32(*values):
    return torch.tensor(values, dtype=torch.float32)


def scalar_cases(c):
    for v in [3.0, 0.5, -0.0, 0.0, 1.0, -2.0, 1e-5, 1e-4, 9.99e-5, 123456.789, 1e8, 1.5e8, 1e10,
              3.14159265, -1e-20, 1e38, float("inf"), float("-inf"), float("nan"), 0.1, 2.5, 100.0]:
        c.add("scalars", f"float32 {v!r}", torch.tensor(v))
        c.add("scalars", f"float64 {v!r}", torch.tensor(v, dtype=torch.float64))
    for v in [0, 7, -12, 2**40, -(2**63), 2**63 - 1]:
        c.add("scalars", f"int64 {v}", torch.tensor(v))
    c.add("scalars", "bool True", torch.tensor(True))
    c.add("scalars", "bool False", torch.tensor(False))
    c.add("scalars", "float16 0.1", torch.tensor(0.1, dtype=torch.float16))
    c.add("scalars", "float32 scalar requiring grad", torch.tensor(2.0, requires_grad=True))


def vector_cases(c):
    lists = {
        "integers as floats": [1.0, 2.0],
        "fixed point": [1.0, 2.5],
        "negative zero among integers": [0.0, -0.0, 1.0],
        "negative zero alone": [-0.0],
        "zeros only": [0.0, 0.0, 0.0],
        "nan only": [float("nan")],
        "zero and nan": [0.0, float("nan")],
        "infinities only": [float("inf"), float("-inf")],
        "integers with inf and nan": [1.0, float("inf"), float("nan"), -3.0],
        "fractions with inf and nan": [1.5, float("inf"), float("nan"), -0.25],
        "small value switches to sci": [1e-5, 1.0],
        "min exactly 1e-4 as float32": [1e-4, 0.5],
        "ratio just above 1000": [1.0, 1000.5],
        "ratio exactly 1000 integers": [1.0, 1000.0],
        "ratio above 1000 integers": [1.0, 1001.0],
        "max above 1e8 integers": [1e9, 2.0, 3.0],
        "max exactly 1e8 integers": [1e8, 1.0e5],
        "max above 1e8 fractions": [1.5e8, 2.5],
        "tenths": [0.1, 0.2, 0.3],
        "rounding ties at 4 digits": [0.00005, 0.00015, 0.12345, 0.99995],
        "negative fractions": [-1.5, 2.25, -3.125],
        "large integers": [123456.0, -7.0, 99999999.0],
        "huge and tiny": [1e38, 1e-38],
        "subnormal": [1e-45, 1.0],
        "mixed signs sci": [-1e-7, 2e-7, 3.5e-6],
        "integers needing width": [-100.0, 5.0, 20.0],
    }
    for name, values in lists.items():
        c.add("vectors", name, f32(*values))
        c.add("vectors", name + " (float64)", torch.tensor(values, dtype=torch.float64))
    c.add("vectors", "one third float64", torch.tensor([1 / 3, 2 / 3], dtype=torch.float64))
    c.add("vectors", "float64 subnormal", torch.tensor([5e-324, 1.0], dtype=torch.float64))
    c.add("vectors", "float64 huge", torch.tensor([1e300, -1e-300], dtype=torch.float64))
    c.add("vectors", "float16 values", torch.tensor([1.5, 2.0, 0.1, 65504.0], dtype=torch.float16))
    c.add("vectors", "float16 integers", torch.tensor([1.0, 2.0], dtype=torch.float16))
    c.add("vectors", "int64 mixed", torch.tensor([1, -20, 300]))
    c.add("vectors", "int64 extremes", torch.tensor([-(2**63), 0, 2**63 - 1]))
    c.add("vectors", "bool mixed", torch.tensor([True, False, True]))
    c.add("vectors", "bool all true", torch.tensor([True, True]))
    c.add("vectors", "arange float", torch.arange(10.0))
    c.add("vectors", "arange int", torch.arange(10))
    c.add("vectors", "linspace", torch.linspace(-1, 1, 7))


def random_cases(c):
    g = torch.Generator().manual_seed(1234)
    shapes = [(5,), (12,), (30,), (3, 4), (2, 7), (4, 1), (1, 4), (2, 3, 4), (2, 2, 2, 2), (1, 1, 1),
              (3, 1, 2), (2, 3, 2, 2)]
    for shape in shapes:
        for scale in [1e-6, 1e-3, 1.0, 37.0, 1e4, 1e9]:
            t = torch.randn(*shape, generator=g) * scale
            c.add("random", f"randn{list(shape)} x {scale:g}", t)
        t = torch.randn(*shape, generator=g, dtype=torch.float64)
        c.add("random", f"randn{list(shape)} float64", t)
        t = torch.randint(-1000, 1000, shape, generator=g)
        c.add("random", f"randint{list(shape)}", t)
        t = torch.randint(0, 2, shape, generator=g).bool()
        c.add("random", f"bool{list(shape)}", t)
        t = torch.randint(-5, 6, shape, generator=g).float()
        c.add("random", f"integer-valued float{list(shape)}", t)


def empty_cases(c):
    for shape in [(0,), (0, 3), (2, 0), (2, 0, 4), (0, 0)]:
        for dtype in [torch.float32, torch.float64, torch.float16, torch.int64, torch.bool]:
            c.add("empty", f"{dtype} {list(shape)}", torch.zeros(shape, dtype=dtype))
    c.add("empty", "empty requiring grad", torch.zeros(0, requires_grad=True))
    c.add("empty", "empty 2-D requiring grad", torch.zeros(0, 3, requires_grad=True))


def summarised_cases(c):
    g = torch.Generator().manual_seed(99)
    c.add("summarised", "arange 1001 floats", torch.arange(1001.0))
    c.add("summarised", "arange 2000 ints", torch.arange(2000))
    c.add("summarised", "randn 2000", torch.randn(2000, generator=g))
    c.add("summarised", "randn 40x40", torch.randn(40, 40, generator=g))
    c.add("summarised", "randn 10x10x20", torch.randn(10, 10, 20, generator=g))
    c.add("summarised", "randn 3x4x5x20", torch.randn(3, 4, 5, 20, generator=g))
    c.add("summarised", "randn 2x600 (few rows, long rows)", torch.randn(2, 600, generator=g))
    c.add("summarised", "randn 600x2 (many rows, short rows)", torch.randn(600, 2, generator=g))
    big = torch.randn(50, 50, generator=g)
    big[25, 25] = 1e-9  # hidden in the middle: must not switch the edges to sci mode
    c.add("summarised", "hidden small value in the middle", big)
    edge = torch.randn(50, 50, generator=g)
    edge[0, 0] = 1e-9
    c.add("summarised", "small value on the edge", edge)
    c.add("summarised", "bool 1500", torch.randint(0, 2, (1500,), generator=g).bool())
    c.add("summarised", "float64 1200", torch.randn(1200, generator=g, dtype=torch.float64))
    c.add("summarised", "threshold 5 arange 10", torch.arange(10), {"threshold": 5})
    c.add("summarised", "threshold 5 edgeitems 1 matrix",
          torch.arange(30.0).reshape(5, 6), {"threshold": 5, "edgeitems": 1})
    c.add("summarised", "threshold 5 edgeitems 2 cube",
          torch.arange(60.0).reshape(3, 4, 5) / 7, {"threshold": 5, "edgeitems": 2})
    c.add("summarised", "threshold 5 edgeitems 3 exactly 6 wide",
          torch.arange(36.0).reshape(6, 6), {"threshold": 5, "edgeitems": 3})
    c.add("summarised", "threshold 5 edgeitems 10 larger than sizes",
          torch.arange(24.0).reshape(4, 6), {"threshold": 5, "edgeitems": 10})
    c.add("summarised", "full profile 1500", torch.arange(1500), {"profile": "full"})
    c.add("summarised", "short profile 1500 floats", torch.randn(1500, generator=g), {"profile": "short"})
    c.add("summarised", "summarised requiring grad",
          torch.randn(1100, generator=g).requires_grad_(), {})


def option_cases(c):
    g = torch.Generator().manual_seed(7)
    base = torch.randn(3, 5, generator=g) * 3
    vec = torch.randn(25, generator=g)
    for options in [{"precision": 0}, {"precision": 1}, {"precision": 2}, {"precision": 6},
                    {"precision": 10}, {"sci_mode": True}, {"sci_mode": False},
                    {"linewidth": 40}, {"linewidth": 120}, {"linewidth": 10}, {"linewidth": 1},
                    {"profile": "short"}, {"profile": "full"}, {"profile": "short", "precision": 3},
                    {"precision": 2, "sci_mode": True}, {"precision": 0, "sci_mode": True}]:
        label = ",".join(f"{k}={v}" for k, v in options.items())
        c.add("options", f"matrix {label}", base, options)
        c.add("options", f"vector {label}", vec, options)
        c.add("options", f"integers {label}", f32(1.0, -2.0, 300.0), options)
        c.add("options", f"sci values {label}", f32(1e-6, 2.5e3, -3.0), options)
        c.add("options", f"zeros {label}", torch.zeros(3), options)
        c.add("options", f"huge integers {label}", f32(1e10, 3.0), options)
        c.add("options", f"int64 {label}", torch.arange(-3, 30), options)
        c.add("options", f"bool {label}", torch.tensor([[True, False], [False, True]]), options)
    c.add("options", "precision 0 half-even ties", f32(0.5, 1.5, 2.5, 3.25), {"precision": 0})
    c.add("options", "precision 2 exact tie", f32(0.125, 0.375, 1.0), {"precision": 2})
    c.add("options", "sci_mode False tiny", f32(1e-8, 1.0), {"sci_mode": False})
    c.add("options", "sci_mode True nan inf", f32(1.5, float("nan"), float("-inf")), {"sci_mode": True})


def grad_cases(c):
    g = torch.Generator().manual_seed(5)
    x = torch.randn(3, generator=g, requires_grad=True)
    w = torch.randn(2, 3, generator=g, requires_grad=True)
    m = torch.randn(3, 4, generator=g, requires_grad=True)
    c.add("autograd", "leaf requiring grad", x)
    c.add("autograd", "matrix leaf requiring grad", w)
    c.add("autograd", "integer-valued leaf requiring grad", torch.ones(4, requires_grad=True))
    c.add("autograd", "float64 leaf requiring grad", torch.ones(2, dtype=torch.float64, requires_grad=True))
    results = {
        "add": x + 1, "sub": x - 1, "mul": x * 2, "div": x / 3, "neg": -x, "pow": x ** 2,
        "sum": x.sum(), "mean": x.mean(), "mm": w.mm(m), "matmul vector": w @ x, "exp": x.exp(),
        "tanh": x.tanh(), "sigmoid": x.sigmoid(), "relu": x.relu(), "view": w.view(6),
        "transpose": w.t(), "softmax": torch.softmax(w, dim=1), "clone": x.clone(),
        "abs": x.abs(), "max": w.max(), "select": w[0], "unsqueeze": x.unsqueeze(0),
        "float64 mul": torch.ones(2, dtype=torch.float64, requires_grad=True) * 3,
    }
    for name, t in results.items():
        c.add("autograd", f"result of {name}", t)
    c.add("autograd", "detached", (x * 2).detach())
    c.add("autograd", "sci values with grad_fn", x * 1e-6)
    long_row = torch.arange(1.0, 15.0, requires_grad=True) * 1.5
    c.add("autograd", "suffix wraps to next line", long_row)
    c.add("autograd", "suffix fits on the line", torch.arange(1.0, 5.0, requires_grad=True) * 1.5)
    for n in range(8, 13):
        c.add("autograd", f"requires_grad suffix near the line end {n}",
              torch.arange(float(n)).requires_grad_())
        c.add("autograd", f"grad_fn suffix near the line end {n}",
              torch.arange(float(n), requires_grad=True) + 0.5)
        c.add("autograd", f"dtype and grad suffixes near the line end {n}",
              torch.arange(float(n), dtype=torch.float64, requires_grad=True) * 1)
    c.add("autograd", "linewidth 30 pushes suffixes down",
          torch.arange(4.0, dtype=torch.float64, requires_grad=True) * 2, {"linewidth": 30})


def parameter_cases(c):
    g = torch.Generator().manual_seed(3)
    c.add("parameters", "parameter vector", torch.nn.Parameter(torch.randn(3, generator=g)), parameter=True)
    c.add("parameters", "parameter matrix", torch.nn.Parameter(torch.randn(2, 3, generator=g)), parameter=True)
    c.add("parameters", "parameter integers", torch.nn.Parameter(torch.ones(2)), parameter=True)
    c.add("parameters", "parameter frozen", torch.nn.Parameter(torch.zeros(2), requires_grad=False),
          parameter=True)
    c.add("parameters", "parameter scalar", torch.nn.Parameter(torch.tensor(0.25)), parameter=True)
    c.add("parameters", "parameter float64", torch.nn.Parameter(torch.ones(2, dtype=torch.float64)),
          parameter=True)
    c.add("parameters", "parameter empty", torch.nn.Parameter(torch.zeros(0, 2)), parameter=True)
    torch.manual_seed(0)
    linear = torch.nn.Linear(4, 3)
    c.add("parameters", "Linear(4, 3) weight", linear.weight, parameter=True)
    c.add("parameters", "Linear(4, 3) bias", linear.bias, parameter=True)


def fuzz_cases(c):
    """Random shapes, value families and options, to catch what hand-picked cases miss."""
    g = torch.Generator().manual_seed(2718)
    rng = random.Random(31415)
    for i in range(400):
        ndim = rng.choice([0, 1, 1, 2, 2, 3, 4])
        shape = [rng.choice([1, 2, 3, 5, 8, 13]) for _ in range(ndim)]
        while math.prod(shape) > 400:  # keeps the fixture small; summarising is tested via threshold
            shape[rng.randrange(ndim)] = rng.choice([1, 2, 3])
        family = rng.choice(["normal", "wide", "integers", "tiny", "huge", "special", "int64", "bool"])
        if family == "int64":
            t = torch.randint(-10 ** rng.randint(1, 12), 10 ** rng.randint(1, 12), shape, generator=g)
        elif family == "bool":
            t = torch.randint(0, 2, shape, generator=g).bool()
        else:
            t = torch.randn(shape, generator=g)
            if family == "wide":
                t = t * torch.pow(10.0, torch.randint(-6, 7, shape, generator=g).float())
            elif family == "integers":
                t = torch.round(t * 10 ** rng.randint(0, 9))
            elif family == "tiny":
                t = t * 1e-6
            elif family == "huge":
                t = t * 1e12
            elif family == "special" and t.numel() > 0:
                flat = t.view(-1)
                for _ in range(rng.randint(1, 3)):
                    flat[rng.randrange(flat.numel())] = rng.choice(
                        [float("nan"), float("inf"), float("-inf"), -0.0, 0.0])
            if rng.random() < 0.25:
                t = t.double()
        options = {}
        if rng.random() < 0.5:
            options["precision"] = rng.randint(0, 8)
        if rng.random() < 0.5:
            options["linewidth"] = rng.choice([1, 20, 40, 60, 100, 150])
        if rng.random() < 0.4:
            options["threshold"] = rng.choice([0, 1, 5, 20, 100])
            options["edgeitems"] = rng.randint(1, 4)
        if rng.random() < 0.2:
            options["sci_mode"] = rng.choice([True, False])
        if t.dtype.is_floating_point and rng.random() < 0.2:
            t = t.requires_grad_() * 1 if rng.random() < 0.5 else t.requires_grad_()
        c.add("fuzz", f"fuzz {i}: {family} {shape} {options}", t, options)


def derived_cases(c):
    note = ("PyTorch 2.x prints a single '...' when summarising with edgeitems=0; "
            "1.13 prints ' ...' followed by every element of a vector and fails on a matrix")
    c.add_derived("derived", "edgeitems 0 vector", torch.arange(10.0),
                  {"threshold": 5, "edgeitems": 0}, "tensor([...])", note)
    c.add_derived("derived", "edgeitems 0 matrix", torch.arange(20.0).reshape(4, 5),
                  {"threshold": 5, "edgeitems": 0}, "tensor([...])", note)


def main():
    c = Cases()
    for build in [scalar_cases, vector_cases, random_cases, empty_cases, summarised_cases,
                  option_cases, grad_cases, parameter_cases, fuzz_cases, derived_cases]:
        build(c)
    os.makedirs(OUT, exist_ok=True)
    sizes = [{"shape": list(shape), "expected": repr(torch.zeros(shape).shape)}
             for shape in [(), (0,), (3,), (2, 3), (1, 1, 1), (0, 3), (784, 256), (2, 3, 4, 5)]]
    with open(os.path.join(OUT, "sizes.json"), "w") as out:
        json.dump({"generator": "tools/golden/gen_printing.py", "torch": torch.__version__, "cases": sizes},
                  out, indent=1)
        out.write("\n")
    total = 0
    for group, cases in c.groups.items():
        with open(os.path.join(OUT, f"{group}.json"), "w") as out:
            json.dump({"generator": "tools/golden/gen_printing.py", "torch": torch.__version__,
                       "cases": cases}, out, indent=1)
            out.write("\n")
        total += len(cases)
    print(f"wrote {total} cases into {len(c.groups)} files")


if __name__ == "__main__":
    main()
