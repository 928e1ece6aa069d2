"""Writes src/test/resources/golden/tensor/ops.json: tensor ops, their outputs, grad_fn names, gradients
and error messages as real PyTorch produces them.

Run with Debian's PyTorch:  /usr/bin/python3 tools/golden/gen_tensor_ops.py

Each case names an op that the Java test (GoldenTensorOpsTest) maps to the same call. Gradients are those
of sum(out * weight) with weight[i] = 1 + 0.25 * (i % 5) over the output's row-major elements, so that every
element of the upstream gradient differs. Where PyTorch 2.x names a grad_fn differently from 1.13, the
2.x name is written and the case carries "derived": true with a "note" (see docs/fidelity.md).
"""
import json
import math
import os

import torch

torch.manual_seed(0)
INF = float("inf")

# grad_fn names that changed between 1.13 and 2.x (2.x reshapes through view; torch.norm calls
# torch.linalg.vector_norm).
DERIVED_NAMES = {
    "ReshapeAliasBackward0": ("ViewBackward0", "PyTorch 2.x records reshape of a viewable tensor as ViewBackward0"),
    "NormBackward1": ("LinalgVectorNormBackward0", "PyTorch 2.x's torch.norm calls torch.linalg.vector_norm"),
    "NormBackward0": ("LinalgVectorNormBackward0", "PyTorch 2.x's torch.norm calls torch.linalg.vector_norm"),
}

DTYPES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool",
          torch.float16: "float16"}


def randn(*shape, dtype=torch.float32):
    return torch.randn(shape, dtype=torch.float64).to(dtype)


def positive(*shape, dtype=torch.float32):
    return (torch.rand(shape, dtype=torch.float64) * 2 + 0.25).to(dtype)


def ints(*shape, low=-5, high=6):
    return torch.randint(low, high, shape)


def encode(t):
    t = t.detach()
    if t.dtype == torch.bool:
        values = [bool(v) for v in t.reshape(-1).tolist()]
    elif t.dtype == torch.int64:
        values = [int(v) for v in t.reshape(-1).tolist()]
    else:
        values = [encode_float(float(v)) for v in t.double().reshape(-1).tolist()]
    return {"shape": list(t.shape), "dtype": DTYPES[t.dtype], "values": values}


def encode_float(v):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def weight_like(out):
    n = out.numel()
    w = torch.tensor([1 + 0.25 * (i % 5) for i in range(n)], dtype=out.dtype)
    return w.reshape(out.shape)


CASES = []


def case(name, op, inputs, args=None, grad=True, tolerance=None, derived_grad_fn=None, derived_error=None):
    args = args or {}
    leaves = []
    for t in inputs:
        x = t.clone()
        if grad and x.dtype.is_floating_point:
            x.requires_grad_(True)
        leaves.append(x)
    record = {"name": name, "op": op,
              "args": {k: encode_float(v) if isinstance(v, float) else v for k, v in args.items()},
              "inputs": [dict(encode(x), requires_grad=x.requires_grad) for x in leaves]}
    if tolerance:
        record["tolerance"] = tolerance
    try:
        out = OPS[op](leaves, args)
    except Exception as e:  # the expected error is the case
        record["error"] = {"type": type(e).__name__, "message": str(e)}
        if derived_error:
            record["error"]["message"], record["note"] = derived_error
            record["derived"] = True
        CASES.append(record)
        return
    if isinstance(out, tuple):
        record["indices"] = encode(out[1])
        out = out[0]
    record["output"] = encode(out)
    if out.grad_fn is not None:
        name13 = type(out.grad_fn).__name__
        if derived_grad_fn:
            record["grad_fn"], record["note"] = derived_grad_fn
            record["derived"] = True
        elif name13 in DERIVED_NAMES:
            record["grad_fn"], record["note"] = DERIVED_NAMES[name13]
            record["derived"] = True
        else:
            record["grad_fn"] = name13
    else:
        record["grad_fn"] = None
    if out.requires_grad:
        (out * weight_like(out)).sum().backward()
        record["grads"] = [encode(x.grad) if x.grad is not None else None for x in leaves]
    CASES.append(record)


def dims(a):
    return a["dims"] if "dims" in a else None


OPS = {
    "add": lambda x, a: x[0] + x[1],
    "add_alpha": lambda x, a: torch.add(x[0], x[1], alpha=a["alpha"]),
    "add_scalar": lambda x, a: x[0] + a["scalar"],
    "sub": lambda x, a: x[0] - x[1],
    "rsub_scalar": lambda x, a: a["scalar"] - x[0],
    "mul": lambda x, a: x[0] * x[1],
    "mul_scalar": lambda x, a: x[0] * a["scalar"],
    "div": lambda x, a: x[0] / x[1],
    "div_scalar": lambda x, a: x[0] / a["scalar"],
    "rdiv_scalar": lambda x, a: a["scalar"] / x[0],
    "pow_scalar": lambda x, a: x[0] ** a["scalar"],
    "pow_tensor": lambda x, a: x[0] ** x[1],
    "rpow_scalar": lambda x, a: a["scalar"] ** x[0],
    "neg": lambda x, a: -x[0],
    "exp": lambda x, a: x[0].exp(),
    "log": lambda x, a: x[0].log(),
    "sqrt": lambda x, a: x[0].sqrt(),
    "abs": lambda x, a: x[0].abs(),
    "sign": lambda x, a: x[0].sign(),
    "tanh": lambda x, a: x[0].tanh(),
    "sigmoid": lambda x, a: x[0].sigmoid(),
    "relu": lambda x, a: x[0].relu(),
    "leaky_relu": lambda x, a: torch.nn.functional.leaky_relu(x[0], a["slope"]),
    "clamp": lambda x, a: x[0].clamp(a.get("min"), a.get("max")),
    "maximum": lambda x, a: torch.maximum(x[0], x[1]),
    "minimum": lambda x, a: torch.minimum(x[0], x[1]),
    "sum": lambda x, a: x[0].sum(),
    "sum_dims": lambda x, a: x[0].sum(a["dims"], keepdim=a["keepdim"]),
    "sum_dims_of_transpose": lambda x, a: x[0].transpose(0, -1).sum(a["dims"], keepdim=a["keepdim"]),
    "mean_of_transpose": lambda x, a: x[0].transpose(0, -1).mean(),
    "mean": lambda x, a: x[0].mean(),
    "mean_dims": lambda x, a: x[0].mean(a["dims"], keepdim=a["keepdim"]),
    "max": lambda x, a: x[0].max(),
    "min": lambda x, a: x[0].min(),
    "max_dim": lambda x, a: tuple(x[0].max(a["dim"], keepdim=a["keepdim"])),
    "min_dim": lambda x, a: tuple(x[0].min(a["dim"], keepdim=a["keepdim"])),
    "argmax": lambda x, a: x[0].argmax(),
    "argmax_dim": lambda x, a: x[0].argmax(a["dim"], keepdim=a["keepdim"]),
    "argmin_dim": lambda x, a: x[0].argmin(a["dim"], keepdim=a["keepdim"]),
    "softmax": lambda x, a: x[0].softmax(a["dim"]),
    "log_softmax": lambda x, a: x[0].log_softmax(a["dim"]),
    "norm": lambda x, a: x[0].norm(p=a["p"], dim=dims(a), keepdim=a.get("keepdim", False)),
    "matmul": lambda x, a: x[0] @ x[1],
    "mm": lambda x, a: x[0].mm(x[1]),
    "mv": lambda x, a: x[0].mv(x[1]),
    "bmm": lambda x, a: x[0].bmm(x[1]),
    "addmm": lambda x, a: torch.addmm(x[0], x[1], x[2], beta=a.get("beta", 1), alpha=a.get("alpha", 1)),
    "linear": lambda x, a: torch.nn.functional.linear(x[0], x[1], x[2] if len(x) > 2 else None),
    "dot": lambda x, a: x[0].dot(x[1]),
    "where": lambda x, a: torch.where(x[0] > 0, x[1], x[2]),
    "cat": lambda x, a: torch.cat(x, a["dim"]),
    "stack": lambda x, a: torch.stack(x, a["dim"]),
    "view": lambda x, a: x[0].view(*a["shape"]),
    "reshape": lambda x, a: x[0].reshape(*a["shape"]),
    "t_then_reshape": lambda x, a: x[0].t().reshape(*a["shape"]),
    "t_then_view": lambda x, a: x[0].t().view(*a["shape"]),
    "transpose": lambda x, a: x[0].transpose(a["dim0"], a["dim1"]),
    "permute": lambda x, a: x[0].permute(*a["dims"]),
    "squeeze": lambda x, a: x[0].squeeze(),
    "squeeze_dim": lambda x, a: x[0].squeeze(a["dim"]),
    "unsqueeze": lambda x, a: x[0].unsqueeze(a["dim"]),
    "flatten": lambda x, a: x[0].flatten(a.get("start", 0), a.get("end", -1)),
    "t": lambda x, a: x[0].t(),
    "T": lambda x, a: x[0].T,
    "expand": lambda x, a: x[0].expand(*a["shape"]),
    "narrow": lambda x, a: x[0].narrow(a["dim"], a["start"], a["length"]),
    "select": lambda x, a: x[0].select(a["dim"], a["index"]),
    "contiguous_of_t": lambda x, a: x[0].t().contiguous(),
    "clone": lambda x, a: x[0].clone(),
    "to": lambda x, a: x[0].to(getattr(torch, a["dtype"])),
    "eq": lambda x, a: x[0] == x[1],
    "ne": lambda x, a: x[0] != x[1],
    "lt": lambda x, a: x[0] < x[1],
    "le": lambda x, a: x[0] <= x[1],
    "gt": lambda x, a: x[0] > x[1],
    "ge": lambda x, a: x[0] >= x[1],
    "gt_scalar": lambda x, a: x[0] > a["scalar"],
    "index": lambda x, a: x[0][index_of(a["index"], x)],
    "exp_of_index": lambda x, a: x[0][index_of(a["index"], x)].t().exp(),
    "item_error": lambda x, a: x[0].item(),
    "setitem": lambda x, a: setitem(x, a),
}


def setitem(x, a):
    target = x[0].detach().clone()
    target[index_of(a["index"], [target])] = x[1].detach() if len(x) > 1 else a["value"]
    return target


def index_of(spec, inputs):
    items = []
    for item in spec:
        kind = item[0]
        if kind == "int":
            items.append(item[1])
        elif kind == "slice":
            items.append(slice(item[1], item[2], item[3]))
        elif kind == "none":
            items.append(None)
        elif kind == "ellipsis":
            items.append(Ellipsis)
        elif kind == "longs":
            items.append(torch.tensor(item[1]))
        elif kind == "mask_gt0":
            items.append(inputs[0] > 0)
    return tuple(items)


# Broadcasting and type promotion.
case("add same shape", "add", [randn(2, 3), randn(2, 3)])
case("add broadcast row", "add", [randn(2, 3), randn(3)])
case("add broadcast column and row", "add", [randn(3, 1), randn(1, 4)])
case("add broadcast 3-d", "add", [randn(2, 1, 3), randn(4, 1)])
case("add broadcast mismatch", "add", [randn(2, 3), randn(2)])
case("add int64 and float32 gives float32", "add", [ints(3), randn(3)])
case("add float32 and float64 gives float64", "add", [randn(3), randn(3, dtype=torch.float64)])
case("add int64 and python float gives float32", "add_scalar", [ints(3)], {"scalar": 0.5})
case("add int64 and python int stays int64", "add_scalar", [ints(3)], {"scalar": 2})
case("add float32 and 0-dim float64 stays float32", "add", [randn(3), randn(dtype=torch.float64)])
case("add int64 and 0-dim float64 gives float64", "add", [ints(3), randn(dtype=torch.float64)])
case("add bool and bool stays bool", "add", [torch.tensor([True, False, True]), torch.tensor([True, False, False])])
case("add bool and python int gives int64", "add_scalar", [torch.tensor([True, False])], {"scalar": 3})
case("add with alpha", "add_alpha", [randn(2, 3), randn(3)], {"alpha": -0.5})
case("add scalar to float32", "add_scalar", [randn(4)], {"scalar": 0.1})
case("sub broadcast", "sub", [randn(2, 3), randn(2, 1)])
case("sub int64", "sub", [ints(4), ints(4)])
case("rsub scalar", "rsub_scalar", [randn(3)], {"scalar": 2.0})
case("mul broadcast", "mul", [randn(2, 3), randn(3)])
case("mul by scalar", "mul_scalar", [randn(2, 2)], {"scalar": 3.0})
case("mul int64", "mul", [ints(2, 2), ints(2, 2)])
case("div broadcast", "div", [randn(2, 3), positive(3)])
case("div int64 gives float32", "div", [ints(4, low=1), ints(4, low=1)])
case("div by scalar", "div_scalar", [randn(3)], {"scalar": 3.0})
case("rdiv scalar", "rdiv_scalar", [positive(3)], {"scalar": 2.0})
case("pow by 2", "pow_scalar", [randn(5)], {"scalar": 2.0})
case("pow by 0.5", "pow_scalar", [positive(5)], {"scalar": 0.5})
case("pow by -1.5", "pow_scalar", [positive(5)], {"scalar": -1.5})
case("pow by 3 of int64", "pow_scalar", [ints(4)], {"scalar": 3})
case("pow with tensor exponent", "pow_tensor", [positive(2, 3), randn(3)])
case("scalar to tensor power", "rpow_scalar", [randn(4)], {"scalar": 2.0},
     derived_grad_fn=("PowBackward2", "PyTorch 2.x's __rpow__ calls torch.pow(scalar, tensor); 1.13 wrapped the scalar"))
case("neg", "neg", [randn(2, 3)])
case("neg of int64", "neg", [ints(3)])
case("exp", "exp", [randn(2, 3)])
case("exp of int64 gives float32", "exp", [ints(3)])
case("exp of 1000 values", "exp", [torch.rand(1000) * 40 - 20], grad=False)
case("exp of a strided slice", "exp_of_index", [torch.rand(40, 20) * 10 - 5], {"index": [["slice", None, None, 2]]}, grad=False)
case("sigmoid of 1000 values", "sigmoid", [torch.rand(1000) * 30 - 15], grad=False)
case("log", "log", [positive(2, 3)])
case("sqrt", "sqrt", [positive(2, 3)])
case("abs", "abs", [randn(2, 3)])
case("sign", "sign", [torch.tensor([-2.0, 0.0, 3.0])])
case("tanh", "tanh", [randn(2, 3)])
case("sigmoid", "sigmoid", [randn(2, 3) * 3])
case("relu", "relu", [randn(2, 3)])
case("leaky_relu", "leaky_relu", [randn(2, 3)], {"slope": 0.1})
case("clamp both", "clamp", [randn(3, 3)], {"min": -0.5, "max": 0.5})
case("clamp min only", "clamp", [randn(6)], {"min": 0.0})
case("clamp max only", "clamp", [randn(6)], {"max": 0.2})
case("maximum", "maximum", [randn(2, 3), randn(3)])
case("minimum", "minimum", [randn(2, 3), randn(3)])
case("maximum with ties", "maximum", [torch.tensor([1.0, 2.0, 3.0]), torch.tensor([1.0, 5.0, 0.0])])

# float64 keeps double precision end to end; float16 rounds every result to half precision.
F64 = torch.float64
case("float64 exp", "exp", [randn(5, dtype=F64)], tolerance=1e-12)
case("float64 div broadcast", "div", [randn(2, 3, dtype=F64), positive(3, dtype=F64)], tolerance=1e-12)
case("float64 sigmoid", "sigmoid", [randn(5, dtype=F64)], tolerance=1e-12)
case("float64 log_softmax", "log_softmax", [randn(3, 4, dtype=F64)], {"dim": 1}, tolerance=1e-12)
case("float64 mm", "mm", [randn(3, 5, dtype=F64), randn(5, 2, dtype=F64)], tolerance=1e-12)
case("float64 mean dims", "mean_dims", [randn(3, 4, dtype=F64)], {"dims": [0], "keepdim": False}, tolerance=1e-12)
case("float16 add", "add", [randn(6, dtype=torch.float16), randn(6, dtype=torch.float16)], grad=False)
case("float16 mul by scalar", "mul_scalar", [randn(6, dtype=torch.float16)], {"scalar": 0.1}, grad=False)
case("float16 plus float32 gives float32", "add", [randn(4, dtype=torch.float16), randn(4)], grad=False)

# Reductions.
case("sum all", "sum", [randn(3, 4)])
case("sum of int64 stays int64", "sum", [ints(5)])
case("sum of bool counts", "sum", [torch.tensor([True, False, True])])
case("sum dim 0", "sum_dims", [randn(3, 4)], {"dims": [0], "keepdim": False})
case("sum dim -1 keepdim", "sum_dims", [randn(3, 4)], {"dims": [-1], "keepdim": True})
case("sum dims 0 and 2", "sum_dims", [randn(2, 3, 4)], {"dims": [0, 2], "keepdim": False})
case("sum dim out of range", "sum_dims", [randn(2, 3)], {"dims": [2], "keepdim": False})
case("mean all", "mean", [randn(3, 4)])
case("mean dim 1", "mean_dims", [randn(3, 4)], {"dims": [1], "keepdim": False})
case("mean dim 0 keepdim", "mean_dims", [randn(3, 4)], {"dims": [0], "keepdim": True})
case("mean of int64 fails", "mean", [ints(3)])
case("max all", "max", [randn(3, 4)])
case("max all with ties", "max", [torch.tensor([1.0, 3.0, 3.0, 2.0])])
case("min all", "min", [randn(3, 4)])
case("max dim 1", "max_dim", [randn(3, 4)], {"dim": 1, "keepdim": False})
case("max dim 0 keepdim", "max_dim", [randn(3, 4)], {"dim": 0, "keepdim": True})
case("min dim -1", "min_dim", [randn(2, 3, 4)], {"dim": -1, "keepdim": False})
case("argmax all", "argmax", [randn(3, 4)])
case("argmax dim 1", "argmax_dim", [randn(3, 4)], {"dim": 1, "keepdim": False})
case("argmin dim 0 keepdim", "argmin_dim", [randn(3, 4)], {"dim": 0, "keepdim": True})
case("softmax dim 1", "softmax", [randn(3, 4)], {"dim": 1})
case("softmax dim 0", "softmax", [randn(3, 4)], {"dim": 0})
case("softmax of large values", "softmax", [randn(2, 5) * 50], {"dim": -1})
case("softmax of long rows", "softmax", [randn(3, 37) * 3], {"dim": 1}, grad=False)
case("softmax over dim 0 of wide columns", "softmax", [randn(5, 20) * 3], {"dim": 0}, grad=False)
case("softmax over the middle dim", "softmax", [randn(2, 4, 11) * 3], {"dim": 1}, grad=False)
case("log_softmax dim 1", "log_softmax", [randn(3, 4)], {"dim": 1})
case("log_softmax dim 0 of 3-d", "log_softmax", [randn(2, 3, 2)], {"dim": 0})
case("norm 2", "norm", [randn(3, 4)], {"p": 2})
case("norm 1", "norm", [randn(3, 4)], {"p": 1})
case("norm inf", "norm", [randn(3, 4)], {"p": INF})
case("norm 3", "norm", [randn(5)], {"p": 3})
case("norm 2 over dim 1", "norm", [randn(3, 4)], {"p": 2, "dims": [1]})
case("norm 1 over dim 0 keepdim", "norm", [randn(3, 4)], {"p": 1, "dims": [0], "keepdim": True})

# Products.
case("mm", "mm", [randn(2, 3), randn(3, 4)])
case("mm shape mismatch", "mm", [randn(2, 3), randn(2, 3)])
case("matmul 2-d", "matmul", [randn(4, 5), randn(5, 3)])
case("matmul matrix by vector", "matmul", [randn(3, 4), randn(4)])
case("matmul vector by matrix", "matmul", [randn(3), randn(3, 2)])
case("matmul vector by vector", "matmul", [randn(5), randn(5)])
case("matmul vector by matrix mismatch", "matmul", [randn(3), randn(2, 3)])
case("mv", "mv", [randn(2, 3), randn(3)])
case("matmul 3-d by 3-d", "matmul", [randn(2, 3, 4), randn(2, 4, 5)])
case("matmul 3-d by 2-d", "matmul", [randn(2, 3, 4), randn(4, 5)])
case("matmul 3-d by vector", "matmul", [randn(2, 3, 4), randn(4)])
case("matmul broadcast batch", "matmul", [randn(3, 1, 2, 4), randn(2, 4, 3)])
case("matmul vector by 3-d", "matmul", [randn(4), randn(2, 4, 3)])
case("matmul 3-d by 2-d mismatch", "matmul", [randn(2, 3, 4), randn(3, 5)])
case("matmul 3-d by 3-d mismatch", "matmul", [randn(2, 3, 4), randn(2, 3, 5)])
case("bmm", "bmm", [randn(3, 2, 4), randn(3, 4, 2)])
case("addmm", "addmm", [randn(3), randn(2, 4), randn(4, 3)])
case("addmm with beta and alpha", "addmm", [randn(2, 3), randn(2, 4), randn(4, 3)], {"beta": 0.5, "alpha": 2.0})
case("linear", "linear", [randn(5, 4), randn(3, 4), randn(3)])
case("linear larger", "linear", [randn(16, 20), randn(7, 20), randn(7)])
case("linear without bias", "linear", [randn(5, 4), randn(3, 4)])
case("linear of a vector", "linear", [randn(4), randn(3, 4), randn(3)])
case("linear of a batch of sequences", "linear", [randn(2, 5, 4), randn(3, 4), randn(3)])
case("linear shape mismatch", "linear", [randn(2, 5), randn(3, 4), randn(3)])
case("bmm of a matrix", "bmm", [randn(3, 2, 4), randn(4, 2)])
case("dot", "dot", [randn(4), randn(4)])
case("dot size mismatch", "dot", [randn(3), randn(2)])
case("mm float32 by float64", "mm", [randn(2, 3), randn(3, 2, dtype=torch.float64)],
     derived_error=("mat1 and mat2 must have the same dtype, but got Float and Double",
                    "PyTorch 2.x checks mm's dtypes up front; 1.13 said 'expected scalar type Float but found Double'"))
case("mv float32 by float64", "mv", [randn(2, 3), randn(3, dtype=torch.float64)])
case("dot float32 by float64", "dot", [randn(3), randn(3, dtype=torch.float64)])
case("mm float64", "mm", [randn(3, 3, dtype=torch.float64), randn(3, 2, dtype=torch.float64)])
case("mm larger", "mm", [randn(16, 33), randn(33, 8)])

# Selection and joining.
case("where", "where", [randn(2, 3), randn(2, 3), randn(3)])
case("cat dim 0", "cat", [randn(2, 3), randn(1, 3)], {"dim": 0})
case("cat dim 1", "cat", [randn(2, 3), randn(2, 2)], {"dim": 1})
case("cat size mismatch", "cat", [randn(2, 3), randn(2, 2)], {"dim": 0})
case("stack dim 0", "stack", [randn(3), randn(3)], {"dim": 0})
case("stack dim 1", "stack", [randn(2, 3), randn(2, 3)], {"dim": 1})
case("stack size mismatch", "stack", [randn(3), randn(2)], {"dim": 0})

# Views.
case("view", "view", [randn(2, 6)], {"shape": [3, 4]})
case("view with -1", "view", [randn(2, 6)], {"shape": [-1, 3]})
case("view of wrong size", "view", [randn(2, 3)], {"shape": [4]})
case("view with two -1", "view", [randn(2, 3)], {"shape": [-1, -1]})
case("view of a transpose fails", "t_then_view", [randn(2, 3)], {"shape": [6]})
case("reshape", "reshape", [randn(2, 6)], {"shape": [4, 3]})
case("reshape of a transpose copies", "t_then_reshape", [randn(2, 3)], {"shape": [6]})
case("transpose", "transpose", [randn(2, 3, 4)], {"dim0": 0, "dim1": 2})
case("permute", "permute", [randn(2, 3, 4)], {"dims": [2, 0, 1]})
case("permute with wrong length", "permute", [randn(2, 3)], {"dims": [0, 1, 2]})
case("squeeze", "squeeze", [randn(1, 3, 1)])
case("squeeze dim", "squeeze_dim", [randn(1, 3, 1)], {"dim": -1})
case("unsqueeze", "unsqueeze", [randn(2, 3)], {"dim": 1})
case("flatten", "flatten", [randn(2, 3, 4)])
case("flatten from 1", "flatten", [randn(2, 3, 4)], {"start": 1})
case("t", "t", [randn(2, 3)])
case("t of 3-d fails", "t", [randn(2, 3, 4)])
case("T", "T", [randn(2, 3)])
case("expand", "expand", [randn(3, 1)], {"shape": [3, 4]})
case("expand with new dim", "expand", [randn(3)], {"shape": [2, -1]})
case("expand mismatch", "expand", [randn(3)], {"shape": [2, 4]})
case("narrow", "narrow", [randn(4, 3)], {"dim": 0, "start": 1, "length": 2})
case("select", "select", [randn(4, 3)], {"dim": 1, "index": -1})
case("contiguous of a transpose", "contiguous_of_t", [randn(2, 3)])
case("clone", "clone", [randn(2, 3)])
case("to float64", "to", [randn(3)], {"dtype": "float64"})
case("to int64 truncates", "to", [randn(4) * 3], {"dtype": "int64"})
case("to bool", "to", [torch.tensor([0.0, 1.5, -2.0])], {"dtype": "bool"})

# Indexing.
case("index int", "index", [randn(3, 4)], {"index": [["int", 1]]})
case("index negative int", "index", [randn(3, 4)], {"index": [["int", -1], ["int", 2]]})
case("index slice with step", "index", [randn(6, 4)], {"index": [["slice", 1, None, 2]]})
case("index slice second dim", "index", [randn(3, 5)], {"index": [["slice", None, None, None], ["slice", 1, -1, None]]})
case("index None", "index", [randn(3)], {"index": [["none"], ["slice", None, None, None]]})
case("index ellipsis", "index", [randn(2, 3, 4)], {"index": [["ellipsis"], ["int", 0]]})
case("index long tensor", "index", [randn(4, 3)], {"index": [["longs", [3, 0, 3]]]})
case("index long tensor on dim 1", "index", [randn(4, 3)], {"index": [["slice", None, None, None], ["longs", [2, 0]]]})
case("index bool mask", "index", [randn(3, 4)], {"index": [["mask_gt0"]]})
case("index two long tensors", "index", [randn(4, 3)], {"index": [["longs", [0, 1, 3, 3]], ["longs", [2, 0, 1, 2]]]})
case("index rows by range and columns by labels", "index", [randn(5, 4)],
     {"index": [["longs", [0, 1, 2, 3, 4]], ["longs", [3, 0, 0, 2, 1]]]})
case("index int and long tensor apart", "index", [randn(2, 3, 4)], {"index": [["int", 0], ["slice", None, None, None], ["longs", [1, 3]]]})
case("index long tensor and int adjacent", "index", [randn(2, 3, 4)], {"index": [["slice", None, None, None], ["int", 1], ["longs", [0, 2, 2]]]})
case("index 2-d long tensor", "index", [randn(4, 3)], {"index": [["longs", [[0, 1], [3, 3]]]]})
case("index long tensors apart", "index", [randn(2, 3, 4)], {"index": [["longs", [1, 0]], ["slice", None, None, None], ["longs", [3, 2]]]})
case("index out of range", "index", [randn(3, 4)], {"index": [["int", 5]]})
case("index long tensor out of range", "index", [randn(3)], {"index": [["longs", [3]]]})
case("index too many", "index", [randn(3)], {"index": [["int", 0], ["int", 0]]})
case("index negative step", "index", [randn(3)], {"index": [["slice", None, None, -1]]})

# Assignment through subscripts (no autograd).
case("setitem int", "setitem", [randn(3, 4)], {"index": [["int", 1]], "value": 5.0}, grad=False)
case("setitem slice from a row", "setitem", [randn(3, 4), randn(4)], {"index": [["slice", 0, 2, None]]}, grad=False)
case("setitem mask", "setitem", [randn(3, 4)], {"index": [["mask_gt0"]], "value": 0.0}, grad=False)
case("setitem long tensor rows", "setitem", [randn(4, 3), randn(2, 3)], {"index": [["longs", [3, 1]]]}, grad=False)
case("setitem two long tensors", "setitem", [randn(4, 3), randn(2)], {"index": [["longs", [0, 3]], ["longs", [2, 2]]]}, grad=False)
case("setitem int64 from float", "setitem", [ints(4)], {"index": [["slice", 1, None, None]], "value": 2.7}, grad=False)
case("setitem wrong shape", "setitem", [randn(3, 4), randn(3)], {"index": [["int", 0]]}, grad=False)
case("setitem advanced wrong shape", "setitem", [randn(3, 4), randn(3)], {"index": [["longs", [0, 1]]]}, grad=False)

# Comparisons.
for op in ["eq", "ne", "lt", "le", "gt", "ge"]:
    a = torch.tensor([1.0, 2.0, 3.0, 4.0])
    case(op, op, [a, torch.tensor([2.0, 2.0, 5.0, 1.0])], grad=False)
case("gt broadcast int and float", "gt", [ints(2, 3), randn(3)], grad=False)
case("gt scalar", "gt_scalar", [randn(5)], {"scalar": 0.0}, grad=False)
case("item of many elements", "item_error", [randn(3)])

out_dir = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "tensor")
os.makedirs(out_dir, exist_ok=True)
with open(os.path.join(out_dir, "ops.json"), "w") as f:
    json.dump({"generator": "tools/golden/gen_tensor_ops.py", "torch": torch.__version__, "cases": CASES}, f, indent=1)
print(len(CASES), "cases")

# Sums and means in ATen's exact order: shapes that exercise the scalar, 8-wide inner and outer paths, the
# cascade levels (more than 16, 256 and 4096 steps) and non-contiguous inputs; all below 32768 elements,
# where PyTorch never splits a reduction across threads.
torch.manual_seed(5)
CASES = []
SHAPES = [[1], [5], [7], [8], [9], [31], [33], [100], [257], [1000], [4099], [3, 4], [4, 3], [2, 9],
          [9, 2], [17, 33], [64, 10], [10, 64], [100, 40], [4100, 2], [5, 3, 7], [2, 40, 9], [6, 1, 5], [3, 70, 5]]
for shape in SHAPES:
    small = math.prod(shape) <= 100
    for dtype in [torch.float32, torch.float64] if small else [torch.float32]:
        x = randn(*shape, dtype=dtype)
        label = "x".join(map(str, shape)) + ("" if dtype == torch.float32 else " float64")
        case("sum of " + label, "sum", [x], grad=False)
        case("mean of " + label, "mean", [x], grad=False)
        for d in range(len(shape)):
            case("sum dim %d of %s" % (d, label), "sum_dims", [x], {"dims": [d], "keepdim": False}, grad=False)
        if len(shape) == 3:
            case("sum dims 0, 2 of " + label, "sum_dims", [x], {"dims": [0, 2], "keepdim": True}, grad=False)
            case("mean dims 1, 2 of " + label, "mean_dims", [x], {"dims": [1, 2], "keepdim": False}, grad=False)
        if len(shape) >= 2:
            case("sum dim 0 of the transpose of " + label, "sum_dims_of_transpose", [x], {"dims": [0], "keepdim": False},
                 grad=False)
            case("mean of the transpose of " + label, "mean_of_transpose", [x], grad=False)
# Each input serves several cases: store it once and refer to it by position.
INPUTS = []
for c in CASES:
    tensor = c.pop("inputs")[0]
    tensor.pop("requires_grad")
    if not INPUTS or INPUTS[-1] != tensor:
        INPUTS.append(tensor)
    c["input"] = len(INPUTS) - 1
with open(os.path.join(out_dir, "sums.json"), "w") as f:
    json.dump({"generator": "tools/golden/gen_tensor_ops.py", "torch": torch.__version__, "inputs": INPUTS,
               "cases": CASES}, f)
print(len(CASES), "sum cases")


# ---------------------------------------------------------------- creation, random draws, reprs, in-place ops
def write(name, payload):
    with open(os.path.join(out_dir, name), "w") as f:
        json.dump(dict(payload, generator="tools/golden/gen_tensor_ops.py", torch=torch.__version__), f, indent=1)


def outcome(fn):
    try:
        return {"output": encode(fn())}
    except Exception as e:
        return {"error": {"type": type(e).__name__, "message": str(e)}}


CREATION = [
    ("arange 5", "arange", [5]),
    ("arange 1 10 3", "arange", [1, 10, 3]),
    ("arange 10 0 -3", "arange", [10, 0, -3]),
    ("arange 0 1 0.1", "arange", [0, 1, 0.1]),
    ("arange -1.5 2.5 0.5", "arange", [-1.5, 2.5, 0.5]),
    ("arange 0 1 0.3", "arange", [0, 1, 0.3]),
    ("arange 1 2.5", "arange", [1, 2.5]),
    ("arange 0 10 0.7", "arange", [0.0, 10.0, 0.7]),
    ("arange step 0", "arange", [0, 5, 0]),
    ("arange wrong sign", "arange", [0, 5, -1]),
    ("linspace 0 1 5", "linspace", [0, 1, 5]),
    ("linspace -3 7 11", "linspace", [-3, 7, 11]),
    ("linspace 0 1 7", "linspace", [0, 1, 7]),
    ("linspace -1.3 2.9 13", "linspace", [-1.3, 2.9, 13]),
    ("linspace 0.1 0.9 100", "linspace", [0.1, 0.9, 100]),
    ("linspace -3 7 50", "linspace", [-3, 7, 50]),
    ("linspace 0 1 37", "linspace", [0, 1, 37]),
    ("linspace -2.7 3.1 1000", "linspace", [-2.7, 3.1, 1000]),
    ("linspace single", "linspace", [2, 2, 1]),
    ("linspace empty", "linspace", [0, 1, 0]),
    ("eye 3", "eye", [3]),
    ("eye 2 4", "eye", [2, 4]),
    ("full float", "full", [[2, 3], 2.5]),
    ("full int", "full", [[2], 3]),
    ("full bool", "full", [[2], True]),
    ("zeros", "zeros", [[2, 2]]),
    ("ones", "ones", [[3]]),
    ("tensor of ints and a float", "tensor", [[1, 2.5]]),
    ("tensor of int lists", "tensor", [[[1, 2], [3, 4]]]),
    ("tensor of bools", "tensor", [[True, False]]),
    ("tensor of bool and int", "tensor", [[True, 2]]),
    ("tensor of nothing", "tensor", [[]]),
    ("tensor of a float", "tensor", [3.5]),
    ("tensor of an int", "tensor", [7]),
    ("tensor ragged", "tensor", [[[1, 2], [3]]]),
]
CREATORS = {
    "arange": lambda *a: torch.arange(*a),
    "linspace": lambda *a: torch.linspace(*a),
    "eye": lambda *a: torch.eye(*a),
    "full": lambda shape, v: torch.full(shape, v),
    "zeros": lambda shape: torch.zeros(shape),
    "ones": lambda shape: torch.ones(shape),
    "tensor": lambda data: torch.tensor(data),
}
write("creation.json", {"cases": [dict({"name": n, "call": c, "args": a}, **outcome(lambda: CREATORS[c](*a)))
                                  for n, c, a in CREATION]})

RANDOM = []
for seed in [0, 42, 2024]:
    torch.manual_seed(seed)
    draws = []
    draws.append({"call": "rand", "shape": [3, 4], "output": encode(torch.rand(3, 4))})
    draws.append({"call": "randn", "shape": [5], "output": encode(torch.randn(5))})
    draws.append({"call": "randn", "shape": [4, 5], "output": encode(torch.randn(4, 5))})
    draws.append({"call": "randint", "low": -3, "high": 10, "shape": [8], "output": encode(torch.randint(-3, 10, (8,)))})
    draws.append({"call": "randperm", "n": 10, "output": encode(torch.randperm(10))})
    draws.append({"call": "bernoulli", "p": 0.3, "shape": [12], "output": encode(torch.bernoulli(torch.full((12,), 0.3)))})
    draws.append({"call": "rand_float64", "shape": [3], "output": encode(torch.rand(3, dtype=torch.float64))})
    draws.append({"call": "randn_like", "shape": [2, 3], "output": encode(torch.randn_like(torch.zeros(2, 3)))})
    RANDOM.append({"seed": seed, "draws": draws})
write("random.json", {"sequences": RANDOM})

torch.manual_seed(1)
leaf = torch.tensor([1.0, 2.5, -0.125], requires_grad=True)
REPRS = [
    ("leaf requiring grad", repr(leaf)),
    ("result of a multiplication", repr(leaf * 2)),
    ("sum", repr((leaf * leaf).sum())),
    ("int64", repr(torch.tensor([[1, 2], [3, 40]]))),
    ("bool", repr(torch.tensor([True, False]))),
    ("float64", repr(torch.tensor([0.5, 1e-8], dtype=torch.float64))),
    ("parameter", repr(torch.nn.Parameter(torch.tensor([[0.25, -1.0]])))),
    ("parameter without grad", repr(torch.nn.Parameter(torch.tensor([3.0]), requires_grad=False))),
    ("result of an op on a parameter", repr(torch.nn.Parameter(torch.tensor([3.0])) * 2)),
]
write("repr.json", {"cases": [{"name": n, "repr": r} for n, r in REPRS]})

torch.manual_seed(3)
# 4 x 37 covers both ATen's vectorised loop (8 floats at a time) and its scalar tail.
a, b, c = randn(4, 37), randn(4, 37), positive(4, 37)
INPLACE = [
    ("add_", lambda: a.clone().add_(b)),
    ("add_ alpha", lambda: a.clone().add_(b, alpha=-0.1)),
    ("add_ broadcast", lambda: a.clone().add_(b[0])),
    ("sub_ alpha", lambda: a.clone().sub_(b, alpha=0.3)),
    ("mul_", lambda: a.clone().mul_(b)),
    ("mul_ scalar", lambda: a.clone().mul_(0.9)),
    ("div_", lambda: a.clone().div_(c)),
    ("addcmul_", lambda: a.clone().addcmul_(b, c, value=0.001)),
    ("addcdiv_", lambda: a.clone().addcdiv_(b, c, value=-0.01)),
    ("lerp_ small weight", lambda: a.clone().lerp_(b, 0.1)),
    ("lerp_ large weight", lambda: a.clone().lerp_(b, 0.9)),
    ("copy_", lambda: a.clone().copy_(b)),
    ("copy_ broadcast", lambda: a.clone().copy_(b[1])),
    ("zero_", lambda: a.clone().zero_()),
    ("fill_", lambda: a.clone().fill_(0.7)),
    ("clamp_", lambda: a.clone().clamp_(-0.3, 0.4)),
    ("sqrt_", lambda: c.clone().sqrt_()),
    ("add_ float to int64", lambda: torch.tensor([1, 2]).add_(torch.tensor([0.5, 0.5]))),
    ("add_ broadcast to larger", lambda: b[0].clone().add_(a)),
]
write("inplace.json", {"inputs": {"a": encode(a), "b": encode(b), "c": encode(c)},
                       "cases": [dict({"name": n}, **outcome(f)) for n, f in INPLACE]})


def scenario(fn):
    try:
        fn()
        return {"ok": True}
    except Exception as e:
        return {"error": {"type": type(e).__name__, "message": str(e)}}


def backward_twice():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = (x * x).sum()
    y.backward()
    y.backward()


def backward_twice_without_saved():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = (x + 1).sum()
    y.backward()
    y.backward()


def modified_output():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = (x * 2).exp()
    y.add_(1)
    y.sum().backward()


def modified_input():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    a = x * 2
    y = a * a
    a.mul_(3)
    y.sum().backward()


AUTOGRAD = {
    "backward of a non-scalar": lambda: (torch.tensor([1.0, 2.0], requires_grad=True) * 2).backward(),
    "backward of a tensor without grad": lambda: torch.zeros(2).sum().backward(),
    "backward twice": backward_twice,
    "backward twice without saved tensors": backward_twice_without_saved,
    "in-place on a leaf": lambda: torch.ones(2, requires_grad=True).add_(1),
    "in-place on a view of a leaf": lambda: torch.ones(2, 2, requires_grad=True)[0].add_(1),
    "requires_grad on int64": lambda: torch.tensor([1, 2]).requires_grad_(),
    "requires_grad false on a non-leaf": lambda: (torch.ones(2, requires_grad=True) * 2).requires_grad_(False),
    "gradient of the wrong shape": lambda: (torch.ones(3, requires_grad=True) * 2).backward(torch.ones(2)),
    "saved output modified in place": modified_output,
    "saved input modified in place": modified_input,
    "retain_grad without requires_grad": lambda: torch.ones(2).retain_grad(),
}
write("autograd.json", {"cases": [dict({"name": n}, **scenario(f)) for n, f in AUTOGRAD.items()]})
print("wrote creation, random, repr, inplace, autograd")


# ---------------------------------------------------------------- a whole training loop, end to end
def training_trace(steps=25, lr=0.1):
    torch.manual_seed(123)
    x = torch.randn(100)
    t = 3 * x + 0.5 + 0.1 * torch.randn(100)
    w = torch.zeros(1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    losses = []
    for step in range(steps):
        loss = ((x * w + b - t) ** 2).mean()
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w.sub_(w.grad, alpha=lr)
            b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
    return {"seed": 123, "steps": steps, "lr": lr, "losses": losses, "w": w.item(), "b": b.item()}


def mlp_trace(steps=15, lr=0.5):
    torch.manual_seed(7)
    x = torch.randn(20, 4)
    y = torch.randint(0, 3, (20,))
    w1 = (torch.randn(8, 4) * 0.5).requires_grad_()
    b1 = torch.zeros(8, requires_grad=True)
    w2 = (torch.randn(3, 8) * 0.5).requires_grad_()
    b2 = torch.zeros(3, requires_grad=True)
    losses = []
    for step in range(steps):
        h = (x @ w1.t() + b1).relu()
        logp = (h @ w2.t() + b2).log_softmax(1)
        loss = -logp[torch.arange(20), y].mean()
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            for p in (w1, b1, w2, b2):
                p.add_(p.grad, alpha=-lr)
                p.grad = None
    return {"seed": 7, "steps": steps, "lr": lr, "losses": losses, "w2": encode(w2)}


write("training.json", dict(training_trace(), mlp=mlp_trace()))
print("wrote training")
