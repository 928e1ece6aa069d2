#!/usr/bin/python3
"""Writes golden fixtures of PyTorch's CPU random numbers to src/test/resources/golden/rng/.

Run with Debian's PyTorch 1.13 on an x86-64 host: /usr/bin/python3 tools/golden/gen_rng.py

Each fixture holds cases; a case seeds the default generator with torch.manual_seed(seed) and runs
its steps in order on that one generator, so steps see each other's draws (e.g. the cached normal).
Every step records its outputs as {"dtype", "values"} with exact encodings:
  float32 -> the IEEE bit pattern as an unsigned int, float64 -> 16 hex digits of the bit pattern,
  int64 -> the integer, bytes -> a hex string, sha256 -> hex digest of the little-endian raw data.
"""
import ctypes
import ctypes.util
import hashlib
import json
import math
import os
import struct
import subprocess
from fractions import Fraction
import sys

import numpy
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, RandomSampler, random_split

OUT_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "rng")
SEEDS = [0, 1, 42, 1234, 2**32 + 5, -1]
DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64}


def encode(tensor):
    tensor = tensor.detach().contiguous().reshape(-1)
    if tensor.dtype == torch.float32:
        return {"dtype": "float32", "values": [struct.unpack("<I", struct.pack("<f", v))[0] for v in tensor.tolist()]}
    if tensor.dtype == torch.float64:
        return {"dtype": "float64", "values": [struct.pack(">d", v).hex() for v in tensor.tolist()]}
    if tensor.dtype == torch.int64:
        return {"dtype": "int64", "values": tensor.tolist()}
    raise ValueError(tensor.dtype)


def digest(tensor):
    data = tensor.detach().contiguous().numpy().astype(tensor.numpy().dtype.newbyteorder("<")).tobytes()
    return {"dtype": "sha256-" + str(tensor.dtype).replace("torch.", ""), "values": [hashlib.sha256(data).hexdigest()]}


def int64s(values):
    return {"dtype": "int64", "values": [int(v) for v in values]}


def run_step(step):
    op = step["op"]
    dtype = DTYPES.get(step.get("dtype", "float32"))
    n = step.get("n")
    if op == "rand":
        return {"out": encode(torch.rand(n, dtype=dtype))}
    if op == "uniform":
        return {"out": encode(torch.empty(n, dtype=dtype).uniform_(step["from"], step["to"]))}
    if op == "randn":
        return {"out": encode(torch.randn(n, dtype=dtype))}
    if op == "randn_sha256":
        return {"out": digest(torch.randn(n, dtype=dtype))}
    if op == "rand_sha256":
        return {"out": digest(torch.rand(n, dtype=dtype))}
    if op == "normal":
        return {"out": encode(torch.empty(n, dtype=dtype).normal_(step["mean"], step["std"]))}
    if op == "randint":
        return {"out": encode(torch.randint(step["low"], step["high"], (n,), dtype=dtype))}
    if op == "randperm":
        return {"out": encode(torch.randperm(n))}
    if op == "random_int64":
        return {"out": int64s([torch.empty((), dtype=torch.int64).random_().item()])}
    if op == "raw32":
        # torch exposes no raw output; numpy's RandomState runs mt19937 with the same seeding (low 32 bits).
        state = numpy.random.RandomState(step["seed32"])
        return {"out": int64s(state.randint(0, 2**32, size=n, dtype=numpy.uint32).tolist())}
    if op == "bernoulli_tensor":
        p = torch.linspace(0, 1, n, dtype=dtype)
        return {"p": encode(p), "out": encode(torch.bernoulli(p))}
    if op == "bernoulli_scalar":
        return {"out": encode(torch.empty(n, dtype=dtype).bernoulli_(step["p"]))}
    if op == "dropout":
        x = torch.ones(n)
        return {"out": encode(F.dropout(x, step["p"], training=True))}
    if op == "linear":
        layer = torch.nn.Linear(step["in"], step["out"], bias=step.get("bias", True))
        result = {"weight": encode(layer.weight)}
        if layer.bias is not None:
            result["bias"] = encode(layer.bias)
        return result
    if op in ("xavier_uniform", "xavier_normal"):
        t = torch.empty(*step["shape"])
        getattr(torch.nn.init, op + "_")(t, gain=step["gain"])
        return {"out": encode(t)}
    if op in ("kaiming_uniform", "kaiming_normal"):
        t = torch.empty(*step["shape"])
        getattr(torch.nn.init, op + "_")(t, a=step["a"], mode=step["mode"], nonlinearity=step["nonlinearity"])
        return {"out": encode(t)}
    if op == "dataloader":
        generator = None
        if "loader_seed" in step:
            generator = torch.Generator()
            generator.manual_seed(step["loader_seed"])
        loader = DataLoader(list(range(n)), batch_size=step["batch_size"], shuffle=True, generator=generator)
        result = {}
        for epoch in range(step["epochs"]):
            iterator = iter(loader)
            result[f"base_seed_{epoch}"] = int64s([iterator._base_seed])
            result[f"order_{epoch}"] = int64s([i for batch in iterator for i in batch.tolist()])
        return result
    if op == "dataloader_sequential":
        loader = DataLoader(list(range(n)), batch_size=step["batch_size"], shuffle=False)
        result = {}
        for epoch in range(step["epochs"]):
            iterator = iter(loader)
            result[f"base_seed_{epoch}"] = int64s([iterator._base_seed])
        return result
    if op == "random_sampler":
        generator = None
        if "sampler_seed" in step:
            generator = torch.Generator()
            generator.manual_seed(step["sampler_seed"])
        sampler = RandomSampler(list(range(n)), replacement=step["replacement"],
                                num_samples=step.get("num_samples"), generator=generator)
        return {"out": int64s(list(sampler))}
    if op == "random_split":
        parts = random_split(list(range(n)), step["lengths"])
        return {f"part_{i}": int64s(part.indices) for i, part in enumerate(parts)}
    if op == "get_state":
        return {"out": {"dtype": "bytes", "values": [bytes(torch.get_rng_state().tolist()).hex()]}}
    if op == "state_roundtrip":
        # Save, draw, restore, draw again: the restored generator repeats the draws, cache included.
        saved = torch.get_rng_state()
        first = torch.randn(step["n"], dtype=dtype)
        torch.set_rng_state(saved)
        second = torch.randn(step["n"], dtype=dtype)
        return {"first": encode(first), "second": encode(second)}
    if op == "initial_seed":
        return {"out": {"dtype": "uint64", "values": [str(torch.initial_seed())]}}
    raise ValueError(op)


def case(name, seed, steps):
    torch.manual_seed(seed)
    recorded = []
    for step in steps:
        outputs = run_step(step)
        recorded.append(dict(step, outputs=outputs))
    return {"name": name, "seed": seed, "steps": recorded}


def write(area, cases, derived=False):
    os.makedirs(OUT_DIR, exist_ok=True)
    document = {
        "generator": "tools/golden/gen_rng.py",
        "torch": torch.__version__,
        "cpu_capability": torch.__config__.show().split("CPU capability usage: ")[1].split("\n")[0].strip(),
        "cases": cases,
    }
    if derived:
        document["derived"] = "expected values follow PyTorch 2.x's source where it differs from 1.13 (see docs/fidelity.md)"
    path = os.path.join(OUT_DIR, area + ".json")
    with open(path, "w") as f:
        json.dump(document, f, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {len(cases)} cases, {os.path.getsize(path)} bytes", file=sys.stderr)


def uniform_cases():
    cases = []
    for seed in SEEDS:
        for dtype in ("float32", "float64"):
            steps = [{"op": "rand", "n": n, "dtype": dtype} for n in (1, 15, 16, 17, 33, 1000)]
            steps += [{"op": "uniform", "n": 20, "from": lo, "to": hi, "dtype": dtype}
                      for lo, hi in ((-2.5, 3.7), (-1e-3, 1e-3), (10.0, 11.0), (-0.577350269189626, 0.577350269189626))]
            cases.append(case(f"uniform seed={seed} {dtype}", seed, steps))
        cases.append(case(f"engine seed={seed}", seed, [{"op": "raw32", "n": 8, "seed32": seed % 2**32}, {"op": "random_int64"},
                                                        {"op": "initial_seed"}]))
        cases.append(case(f"large rand seed={seed}", seed,
                          [{"op": "rand_sha256", "n": 100003, "dtype": "float32"},
                           {"op": "rand_sha256", "n": 100003, "dtype": "float64"}]))
    return cases


def normal_cases():
    cases = []
    for seed in SEEDS:
        steps = [{"op": "randn", "n": n, "dtype": "float32"} for n in list(range(1, 41)) + [1000]]
        cases.append(case(f"randn sizes seed={seed} float32", seed, steps))
        steps = [{"op": "normal", "n": n, "mean": mean, "std": std, "dtype": "float32"}
                 for n in (3, 15, 16, 33) for mean, std in ((0.5, 2.0), (-3.0, 0.01))]
        cases.append(case(f"normal_ seed={seed} float32", seed, steps))
        cases.append(case(f"cache sequence seed={seed}", seed, [
            {"op": "randn", "n": 3, "dtype": "float32"}, {"op": "randn", "n": 20, "dtype": "float32"},
            {"op": "randn", "n": 1, "dtype": "float32"}, {"op": "rand", "n": 2, "dtype": "float32"},
            {"op": "randn", "n": 1, "dtype": "float64"}, {"op": "normal", "n": 2, "mean": 1.0, "std": 3.0, "dtype": "float32"}]))
        cases.append(case(f"large randn seed={seed}", seed, [
            {"op": "randn_sha256", "n": 1000003, "dtype": "float32"}]))
    return cases


def normal64_cases():
    cases = []
    for seed in SEEDS:
        steps = [{"op": "randn", "n": n, "dtype": "float64"} for n in list(range(1, 41)) + [1000]]
        steps += [{"op": "normal", "n": n, "mean": 0.5, "std": 2.0, "dtype": "float64"} for n in (3, 33)]
        cases.append(case(f"randn sizes seed={seed} float64", seed, steps))
    return cases


def integer_cases():
    cases = []
    for seed in SEEDS:
        cases.append(case(f"integers seed={seed}", seed, [
            {"op": "randint", "n": 50, "low": 0, "high": 10, "dtype": "int64"},
            {"op": "randint", "n": 20, "low": -7, "high": 1000003, "dtype": "int64"},
            {"op": "randint", "n": 20, "low": 3, "high": 2**40, "dtype": "int64"},
            {"op": "randint", "n": 20, "low": -2**40, "high": 2**33, "dtype": "int64"},
            {"op": "randint", "n": 20, "low": 0, "high": 2**32 - 1, "dtype": "int64"},
            {"op": "randint", "n": 20, "low": 0, "high": 2**32, "dtype": "int64"},
            {"op": "randint", "n": 20, "low": -5, "high": 5, "dtype": "float32"},
            {"op": "randint", "n": 20, "low": 0, "high": 2**24, "dtype": "float32"},
            {"op": "randint", "n": 20, "low": 0, "high": 2**20, "dtype": "float64"},
            {"op": "randperm", "n": 1}, {"op": "randperm", "n": 2}, {"op": "randperm", "n": 10},
            {"op": "randperm", "n": 1000}, {"op": "randperm", "n": 0},
            {"op": "random_int64"}, {"op": "random_int64"}]))
    return cases


def bernoulli_cases():
    cases = []
    for seed in SEEDS:
        cases.append(case(f"bernoulli seed={seed}", seed, [
            {"op": "bernoulli_tensor", "n": 64, "dtype": "float32"},
            {"op": "bernoulli_tensor", "n": 64, "dtype": "float64"},
            {"op": "bernoulli_scalar", "n": 64, "p": 0.3, "dtype": "float32"},
            {"op": "bernoulli_scalar", "n": 16, "p": 0.5, "dtype": "float64"},
            {"op": "dropout", "n": 8, "p": 0.5}, {"op": "dropout", "n": 6, "p": 0.2},
            {"op": "dropout", "n": 100, "p": 0.1}, {"op": "dropout", "n": 100, "p": 0.7},
            {"op": "dropout", "n": 10, "p": 0.0}, {"op": "dropout", "n": 10, "p": 1.0},
            {"op": "rand", "n": 3, "dtype": "float32"}]))
    return cases


def init_cases():
    cases = []
    for seed in SEEDS:
        cases.append(case(f"nn.Linear seed={seed}", seed, [
            {"op": "linear", "in": i, "out": o, "bias": b}
            for i, o, b in ((3, 2, True), (1, 1, True), (10, 5, True), (64, 16, True), (7, 3, False), (16, 40, True))]))
        cases.append(case(f"init seed={seed}", seed, [
            {"op": "xavier_uniform", "shape": [2, 3], "gain": 1.0},
            {"op": "xavier_uniform", "shape": [8, 4, 3, 3], "gain": 5.0 / 3},
            {"op": "xavier_normal", "shape": [5, 7], "gain": 1.0},
            {"op": "xavier_normal", "shape": [2, 3], "gain": math.sqrt(2.0)},
            {"op": "kaiming_uniform", "shape": [4, 8], "a": 0, "mode": "fan_in", "nonlinearity": "leaky_relu"},
            {"op": "kaiming_uniform", "shape": [6, 5], "a": 0, "mode": "fan_out", "nonlinearity": "relu"},
            {"op": "kaiming_uniform", "shape": [3, 2, 5], "a": 0.2, "mode": "fan_in", "nonlinearity": "leaky_relu"},
            {"op": "kaiming_normal", "shape": [4, 8], "a": 0, "mode": "fan_in", "nonlinearity": "leaky_relu"},
            {"op": "kaiming_normal", "shape": [2, 3], "a": 0, "mode": "fan_out", "nonlinearity": "relu"},
            {"op": "kaiming_normal", "shape": [16, 20], "a": 0, "mode": "fan_in", "nonlinearity": "tanh"},
            {"op": "kaiming_normal", "shape": [10, 3], "a": 0, "mode": "fan_in", "nonlinearity": "selu"}]))
    return cases


def data_cases():
    cases = []
    for seed in SEEDS:
        cases.append(case(f"data loading seed={seed}", seed, [
            {"op": "dataloader", "n": 10, "batch_size": 3, "epochs": 2},
            {"op": "dataloader", "n": 100, "batch_size": 16, "epochs": 2},
            {"op": "dataloader", "n": 7, "batch_size": 2, "epochs": 2, "loader_seed": 99},
            {"op": "dataloader_sequential", "n": 5, "batch_size": 2, "epochs": 2},
            {"op": "random_sampler", "n": 10, "replacement": False},
            {"op": "random_sampler", "n": 10, "replacement": False, "num_samples": 25},
            {"op": "random_sampler", "n": 10, "replacement": True, "num_samples": 70},
            {"op": "random_sampler", "n": 12, "replacement": False, "sampler_seed": 5},
            {"op": "random_split", "n": 10, "lengths": [7, 3]},
            {"op": "random_split", "n": 11, "lengths": [0.5, 0.3, 0.2]},
            {"op": "rand", "n": 2, "dtype": "float32"}]))
    return cases


def state_cases():
    cases = []
    for seed in SEEDS:
        cases.append(case(f"state seed={seed}", seed, [
            {"op": "get_state"},
            {"op": "rand", "n": 5, "dtype": "float32"},
            {"op": "get_state"},
            {"op": "randn", "n": 1, "dtype": "float32"},
            {"op": "get_state"},
            {"op": "state_roundtrip", "n": 3, "dtype": "float64"},
            {"op": "rand", "n": 700, "dtype": "float32"},
            {"op": "get_state"},
            {"op": "state_roundtrip", "n": 2, "dtype": "float32"}]))
    return cases


class ScalarNormal2x:
    """PyTorch 2.x's at::normal_distribution<double> (log1p(-u2)) fed with 1.13's real uniform draws.

    The uniforms are torch.rand(dtype=float64) draws, which consume random64() exactly as the scalar
    path does; log1p, sin and cos are glibc's through Python's math module; fma is rounded once.
    """

    def __init__(self, seed):
        torch.manual_seed(seed)
        self.cached = None

    def __call__(self, mean, std):
        if self.cached is not None:
            value, self.cached = self.cached, None
            return fma(value, std, mean)
        u1, u2 = torch.rand(2, dtype=torch.float64).tolist()
        radius = math.sqrt(-2.0 * math.log1p(-u2))
        theta = 2.0 * math.pi * u1
        self.cached = radius * math.sin(theta)
        return fma(radius * math.cos(theta), std, mean)


def fma(a, b, c):
    return float(Fraction(a) * Fraction(b) + Fraction(c))


def derived_cases():
    cases = []
    for seed in SEEDS:
        normal = ScalarNormal2x(seed)
        steps = []
        for n, mean, std in ((1, 0.0, 1.0), (3, 0.0, 1.0), (15, 0.0, 1.0), (4, 0.5, 2.0), (7, -3.0, 0.01)) * 20:
            values = [normal(mean, std) for _ in range(n)]
            steps.append({"op": "normal", "n": n, "mean": mean, "std": std, "dtype": "float64",
                          "outputs": {"out": {"dtype": "float64", "values": [struct.pack(">d", v).hex() for v in values]}}})
        cases.append({"name": f"2.x scalar normal float64 seed={seed}", "seed": seed, "steps": steps})
    for seed in SEEDS:
        # PyTorch 2.x's randperm for n >= 214748364 (inside-out, random64() % (i + 1)), replayed on small n.
        raw = numpy.random.RandomState(seed % 2**32).randint(0, 2**32, size=2 * 1000, dtype=numpy.uint32).tolist()
        steps = []
        offset = 0
        for n in (1, 2, 10, 100):
            perm = [0] * n
            for i in range(n):
                draw = (raw[offset] << 32) | raw[offset + 1]
                offset += 2
                z = draw % (i + 1)
                perm[i] = perm[z]
                perm[z] = i
            steps.append({"op": "randperm_inside_out", "n": n, "outputs": {"out": int64s(perm)}})
        cases.append({"name": f"2.x wide randperm seed={seed}", "seed": seed, "steps": steps})
    return cases


def glibc_float_math_cases():
    """glibc's logf/sinf/cosf, which PyTorch's non-AVX2 normal block calls, on every 64th input it can see."""
    libm = ctypes.CDLL(ctypes.util.find_library("m"))
    for name in ("logf", "sinf", "cosf"):
        getattr(libm, name).restype = ctypes.c_float
        getattr(libm, name).argtypes = [ctypes.c_float]
    step = 64
    units = [numpy.float32(k * 2.0**-24) for k in range(0, 2**24, step)]
    args = {
        "logf": [float(numpy.float32(1.0) - u) for u in units],
        "sinf": [float(numpy.float32(2.0 * math.pi * float(u))) for u in units],
    }
    args["cosf"] = args["sinf"]
    steps = []
    for name, xs in args.items():
        function = getattr(libm, name)
        values = numpy.array([function(x) for x in xs], dtype="<f4")
        steps.append({"op": "glibc_" + name, "stride": step,
                      "outputs": {"out": {"dtype": "sha256-float32", "values": [hashlib.sha256(values.tobytes()).hexdigest()]}}})
    return [{"name": "glibc logf, sinf, cosf on the normal block's inputs", "seed": 0, "steps": steps}]


def default_kernel_cases():
    """Run under ATEN_CPU_CAPABILITY=default: the kernels of CPUs without AVX2."""
    cases = []
    for seed in SEEDS:
        steps = [{"op": "uniform", "n": 20, "from": lo, "to": hi, "dtype": dtype}
                 for dtype in ("float32", "float64") for lo, hi in ((-2.5, 3.7), (10.0, 11.0), (-1e-3, 1e-3))]
        steps += [{"op": "randn", "n": n, "dtype": "float32"} for n in list(range(14, 41)) + [1000]]
        steps += [{"op": "normal", "n": n, "mean": mean, "std": std, "dtype": "float32"}
                  for n in (3, 16, 33) for mean, std in ((0.5, 2.0), (-3.0, 0.01))]
        steps += [{"op": "randn", "n": 3, "dtype": "float32"}, {"op": "randn", "n": 20, "dtype": "float32"},
                  {"op": "randn", "n": 1, "dtype": "float32"}, {"op": "rand", "n": 2, "dtype": "float32"}]
        steps += [{"op": "normal", "n": n, "mean": 0.5, "std": 2.0, "dtype": "float64"} for n in (3, 16, 33)]
        steps += [{"op": "randn_sha256", "n": 1000003, "dtype": "float32"}]
        cases.append(case(f"DEFAULT kernel seed={seed}", seed, steps))
    return cases


if __name__ == "__main__":
    if os.environ.get("ATEN_CPU_CAPABILITY") == "default":
        write("default_kernel", default_kernel_cases() + glibc_float_math_cases())
        sys.exit(0)
    subprocess.run([sys.executable, __file__], env=dict(os.environ, ATEN_CPU_CAPABILITY="default"), check=True)
    write("uniform", uniform_cases())
    write("normal", normal_cases())
    write("normal64", normal64_cases())
    write("integers", integer_cases())
    write("bernoulli", bernoulli_cases())
    write("init", init_cases())
    write("data", data_cases())
    write("state", state_cases())
    write("derived2x", derived_cases(), derived=True)
