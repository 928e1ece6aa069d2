#!/usr/bin/python3
"""Writes golden fixtures of torch.nn to src/test/resources/golden/nn/.

Run with Debian's PyTorch 1.13: /usr/bin/python3 tools/golden/gen_nn.py

Tensors are {"shape", "dtype", "values"} with values flattened row-major; float32 values are written as
the Python floats they convert to exactly, so seeded draws can be compared bit for bit. Non-finite
numbers are the strings "nan", "inf", "-inf".
"""
import json
import math
import os
import warnings
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

OUT_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "nn")
DTYPE_NAMES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}


def number(v):
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    return v


def enc(t):
    t = t.detach().contiguous()
    return {"shape": list(t.shape), "dtype": DTYPE_NAMES[t.dtype], "values": [number(v) for v in t.reshape(-1).tolist()]}


def grad_fn_name(t):
    """The grad_fn class name, or None for a leaf; 1.13's ReshapeAliasBackward0 is derived to 2.x's name."""
    if t.grad_fn is None:
        return None
    name = type(t.grad_fn).__name__
    # PyTorch 2.x records a reshape that can be a view as ViewBackward0 (_reshape_alias left autograd).
    return "ViewBackward0" if name == "ReshapeAliasBackward0" else name


def write(name, data):
    with open(os.path.join(OUT_DIR, name + ".json"), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


def error_of(fn):
    try:
        fn()
    except Exception as e:  # the class name and message are what a learner sees
        # str() of a KeyError is the repr of its key; the learner reads the key itself
        return {"type": type(e).__name__, "message": e.args[0] if isinstance(e, KeyError) else str(e)}
    raise AssertionError("no error")


# ---------------------------------------------------------------- models shared with the Java side

class Net(nn.Module):
    """A custom tree: a learner's class with a list, a nested Sequential and buffers."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 3)
        self.act = nn.ReLU()
        self.blocks = nn.ModuleList([nn.Linear(3, 4), nn.Linear(4, 3)])
        self.head = nn.Sequential(nn.Linear(3, 2), nn.Softmax(dim=1))
        self.register_buffer("running", torch.zeros(3))
        self.register_buffer("scratch", torch.zeros(1), persistent=False)

    def forward(self, x):
        x = self.act(self.fc1(x))
        for block in self.blocks:
            x = block(x)
        return self.head(x)


def models():
    return OrderedDict([
        ("linear", lambda: nn.Linear(3, 2)),
        ("linear_nobias", lambda: nn.Linear(3, 2, bias=False)),
        ("mlp", lambda: nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.25), nn.Linear(8, 3),
                                      nn.LogSoftmax(dim=1))),
        ("nested", lambda: nn.Sequential(nn.Sequential(nn.Linear(2, 2), nn.Tanh()), nn.Flatten(), nn.Identity(),
                                         nn.LeakyReLU(0.2), nn.Sigmoid(), nn.Softmax(dim=-1))),
        ("named", lambda: nn.Sequential(OrderedDict([("hidden", nn.Linear(2, 3)), ("act", nn.LeakyReLU()),
                                                     ("out", nn.Linear(3, 1, bias=False))]))),
        ("custom", Net),
        ("losses", lambda: nn.Sequential(nn.MSELoss(), nn.L1Loss(), nn.SmoothL1Loss(), nn.HuberLoss(),
                                         nn.CrossEntropyLoss(), nn.NLLLoss(), nn.BCELoss(),
                                         nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.0, 3.0])))),
        ("layers", lambda: nn.Sequential(nn.Dropout(), nn.Dropout(0.1, inplace=True), nn.ReLU(inplace=True), nn.Flatten(0, 1), nn.LogSoftmax(dim=None),
                                         nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0])))),
    ])


def apply_order(m):
    seen = []
    m.apply(lambda module: seen.append(type(module).__name__))
    return seen


def structure():
    out = []
    for name, make in models().items():
        m = make()
        out.append({
            "model": name,
            "repr": repr(m),
            "named_parameters": [[k, list(v.shape)] for k, v in m.named_parameters()],
            "named_parameters_no_recurse": [k for k, _ in m.named_parameters(recurse=False)],
            "named_buffers": [k for k, _ in m.named_buffers()],
            "named_children": [k for k, _ in m.named_children()],
            "named_modules": [k for k, _ in m.named_modules()],
            "state_dict": [[k, list(v.shape)] for k, v in m.state_dict().items()],
            "apply_order": apply_order(m),
        })
    write("structure", out)


def load_errors():
    cases = []

    def case(name, model, entries, strict=True):
        m = models()[model]()
        state = OrderedDict((k, torch.zeros(shape)) for k, shape in entries)
        try:
            result = m.load_state_dict(state, strict=strict)
            cases.append({"name": name, "model": model, "entries": entries, "strict": strict,
                          "missing": result.missing_keys, "unexpected": result.unexpected_keys,
                          "repr": repr(result)})
        except RuntimeError as e:
            cases.append({"name": name, "model": model, "entries": entries, "strict": strict, "error": str(e)})

    case("complete", "linear", [["weight", [2, 3]], ["bias", [2]]])
    case("empty", "linear", [])
    case("unexpected", "linear", [["weight", [2, 3]], ["bias", [2]], ["foo", [1]]])
    case("size mismatch", "linear", [["weight", [3, 2]], ["bias", [2]]])
    case("all three", "mlp", [["0.weight", [8, 4]], ["0.bias", [8]], ["3.weight", [3, 5]], ["5.weight", [1]],
                              ["extra", [2]]])
    case("not strict", "mlp", [["0.weight", [8, 4]], ["9.bias", [8]]], strict=False)
    case("not strict, only unexpected", "linear", [["weight", [2, 3]], ["bias", [2]], ["it's", [1]]], strict=False)
    case("not strict still checks sizes", "linear", [["weight", [3, 3]]], strict=False)
    case("custom buffers", "custom", [["fc1.weight", [3, 4]], ["running", [4]], ["scratch", [1]]])
    write("load_errors", cases)


# ---------------------------------------------------------------- seeded initialisation

def init():
    cases = []
    for seed in [0, 1, 42, 1234]:
        for (i, o, bias) in [(3, 2, True), (4, 8, True), (5, 1, False), (1, 3, True), (20, 7, True)]:
            torch.manual_seed(seed)
            m = nn.Linear(i, o, bias=bias)
            case = {"kind": "linear", "seed": seed, "in": i, "out": o, "bias": bias, "weight": enc(m.weight)}
            if bias:
                case["bias_values"] = enc(m.bias)
            # the next draw shows the generator has advanced exactly as far as PyTorch's
            case["next"] = enc(torch.rand(3))
            cases.append(case)
        torch.manual_seed(seed)
        mlp = models()["mlp"]()
        cases.append({"kind": "model", "seed": seed, "model": "mlp",
                      "state": [[k, enc(v)] for k, v in mlp.state_dict().items()]})
        torch.manual_seed(seed)
        net = Net()
        cases.append({"kind": "model", "seed": seed, "model": "custom",
                      "state": [[k, enc(v)] for k, v in net.state_dict().items()]})
    fns = [
        ("uniform_", {"a": -0.5, "b": 2.0}, lambda t: nn.init.uniform_(t, -0.5, 2.0)),
        ("normal_", {"mean": 1.0, "std": 0.1}, lambda t: nn.init.normal_(t, 1.0, 0.1)),
        ("constant_", {"val": 0.3}, lambda t: nn.init.constant_(t, 0.3)),
        ("zeros_", {}, nn.init.zeros_),
        ("ones_", {}, nn.init.ones_),
        ("xavier_uniform_", {"gain": 1.0}, lambda t: nn.init.xavier_uniform_(t)),
        ("xavier_uniform_", {"gain": 5.0 / 3}, lambda t: nn.init.xavier_uniform_(t, gain=nn.init.calculate_gain("tanh"))),
        ("xavier_normal_", {"gain": 1.0}, lambda t: nn.init.xavier_normal_(t)),
        ("kaiming_uniform_", {"a": 0.0, "mode": "fan_in", "nonlinearity": "relu"},
         lambda t: nn.init.kaiming_uniform_(t, nonlinearity="relu")),
        ("kaiming_uniform_", {"a": 0.1, "mode": "fan_out", "nonlinearity": "leaky_relu"},
         lambda t: nn.init.kaiming_uniform_(t, a=0.1, mode="fan_out")),
        ("kaiming_normal_", {"a": 0.0, "mode": "fan_in", "nonlinearity": "relu"},
         lambda t: nn.init.kaiming_normal_(t, nonlinearity="relu")),
        ("kaiming_normal_", {"a": 0.0, "mode": "fan_out", "nonlinearity": "leaky_relu"},
         lambda t: nn.init.kaiming_normal_(t, mode="fan_out")),
    ]
    for seed in [0, 7]:
        for shape in [[3, 5], [20, 4], [4, 2, 3]]:
            for dtype in [torch.float32, torch.float64]:
                for name, args, fn in fns:
                    torch.manual_seed(seed)
                    t = torch.empty(shape, dtype=dtype)
                    fn(t)
                    cases.append({"kind": "init", "fn": name, "args": args, "seed": seed, "shape": shape,
                                  "dtype": DTYPE_NAMES[dtype], "out": enc(t)})
    gains = {}
    for name, param in [("linear", None), ("sigmoid", None), ("tanh", None), ("relu", None), ("leaky_relu", None),
                        ("leaky_relu", 0.2), ("selu", None), ("conv2d", None)]:
        gains[name + ("" if param is None else "," + repr(param))] = nn.init.calculate_gain(name, param)
    write("init", {"cases": cases, "gains": gains})


# ---------------------------------------------------------------- modules forward and backward

def layers():
    torch.manual_seed(3)
    x = torch.randn(4, 6)
    x3 = torch.randn(2, 3, 4)
    specs = [
        ("ReLU", {}, x, nn.ReLU()),
        ("LeakyReLU", {"negative_slope": 0.01}, x, nn.LeakyReLU()),
        ("LeakyReLU", {"negative_slope": 0.2}, x, nn.LeakyReLU(0.2)),
        ("Tanh", {}, x, nn.Tanh()),
        ("Sigmoid", {}, x, nn.Sigmoid()),
        ("Softmax", {"dim": 1}, x, nn.Softmax(dim=1)),
        ("Softmax", {"dim": 0}, x, nn.Softmax(dim=0)),
        ("Softmax", {"dim": -1}, x3, nn.Softmax(dim=-1)),
        ("LogSoftmax", {"dim": 1}, x, nn.LogSoftmax(dim=1)),
        ("LogSoftmax", {"dim": 0}, x3, nn.LogSoftmax(dim=0)),
        ("Flatten", {"start_dim": 1, "end_dim": -1}, x3, nn.Flatten()),
        ("Flatten", {"start_dim": 0, "end_dim": 1}, x3, nn.Flatten(0, 1)),
        ("Identity", {}, x, nn.Identity()),
        ("Dropout", {"p": 0.5, "eval": True}, x, nn.Dropout().eval()),
    ]
    cases = []
    for name, args, inp, module in specs:
        for dtype in [torch.float32, torch.float64]:
            xin = inp.detach().to(dtype).clone().requires_grad_()
            out = module(xin)
            weights = torch.linspace(-1, 1, out.numel(), dtype=dtype).reshape(out.shape)
            (out * weights).sum().backward()
            case = {"module": name, "args": args, "input": enc(xin), "output": enc(out),
                    "grad_fn": grad_fn_name(out), "grad_input": enc(xin.grad)}
            if out.grad_fn is not None and type(out.grad_fn).__name__ == "ReshapeAliasBackward0":
                case["derived"] = "grad_fn from PyTorch 2.x; 1.13 printed ReshapeAliasBackward0"
            cases.append(case)
    for dtype in [torch.float32, torch.float64]:
        leaf = torch.tensor([-1.5, 0.0, 2.0, -0.25, 3.0, 0.5], dtype=dtype).reshape(2, 3).requires_grad_()
        hidden = leaf * 2
        out = nn.ReLU(inplace=True)(hidden)
        weights = torch.linspace(-1, 1, out.numel(), dtype=dtype).reshape(out.shape)
        (out * weights).sum().backward()
        cases.append({"module": "ReLU", "args": {"inplace": True}, "input": enc(leaf), "output": enc(out),
                      "grad_input": enc(leaf.grad), "same_tensor": out is hidden})
    for (i, o, bias, shape) in [(6, 3, True, [4, 6]), (6, 2, False, [6]), (6, 5, True, [2, 3, 6])]:
        torch.manual_seed(11)
        lin = nn.Linear(i, o, bias=bias)
        xin = torch.randn(shape).requires_grad_()
        out = lin(xin)
        weights = torch.linspace(-1, 1, out.numel()).reshape(out.shape)
        (out * weights).sum().backward()
        case = {"module": "Linear", "args": {"in_features": i, "out_features": o, "bias": bias},
                "params": [[k, enc(v)] for k, v in lin.state_dict().items()],
                "input": enc(xin), "output": enc(out), "grad_fn": grad_fn_name(out),
                "grad_input": enc(xin.grad),
                "grad_params": [[k, enc(v.grad)] for k, v in lin.named_parameters()]}
        cases.append(case)
    write("layers", cases)


def dropout():
    cases = []
    for seed in [0, 1, 42]:
        for p in [0.5, 0.2, 0.9, 0.0, 1.0]:
            for dtype in [torch.float32, torch.float64]:
                for shape in [[8], [3, 7], [64]]:
                    torch.manual_seed(seed)
                    x = torch.linspace(-2, 3, math.prod(shape), dtype=dtype).reshape(shape)
                    first = F.dropout(x, p, training=True)
                    second = nn.Dropout(p)(x)
                    leaf = x.clone().requires_grad_()
                    hidden = leaf * 1.5
                    third = nn.Dropout(p, inplace=True)(hidden)
                    third.sum().backward()
                    cases.append({"seed": seed, "p": p, "input": enc(x), "first": enc(first), "second": enc(second),
                                  "inplace": enc(third), "inplace_is_input": third is hidden,
                                  "inplace_grad": enc(leaf.grad), "next": enc(torch.rand(2))})
    write("dropout", cases)


def training():
    """Seeded end-to-end steps: init draws, the input's draws, dropout's draws, a loss and every gradient."""
    cases = []
    for seed in [0, 3]:
        for model, loss_name in [("mlp", "NLLLoss"), ("custom", "MSELoss"), ("named", "BCEWithLogitsLoss")]:
            for train in [True, False]:
                torch.manual_seed(seed)
                m = models()[model]()
                m.train(train)
                fan_in = {"mlp": 4, "custom": 4, "named": 2}[model]
                x = torch.randn(5, fan_in)
                out = m(x)
                if loss_name == "NLLLoss":
                    target = torch.randint(0, 3, (5,))
                elif loss_name == "MSELoss":
                    target = torch.rand(5, 2)
                else:
                    target = torch.randint(0, 2, (5, 1)).float()
                loss = getattr(nn, loss_name)()(out, target)
                loss.backward()
                cases.append({"seed": seed, "model": model, "train": train, "loss": loss_name, "output": enc(out),
                              "loss_value": enc(loss), "grad_fn": grad_fn_name(loss),
                              "grads": [[k, enc(v.grad)] for k, v in m.named_parameters()]})
    write("training", cases)


# ---------------------------------------------------------------- losses

def losses():
    torch.manual_seed(5)
    cases = []

    def add(loss, kwargs, inp, target, extra=None, grad=True):
        extra = extra or {}
        for reduction in ["none", "mean", "sum"]:
            tensors = {k: v for k, v in extra.items()}
            xin = inp.detach().clone().requires_grad_()
            module = getattr(nn, loss)(reduction=reduction, **kwargs, **tensors)
            out = module(xin, target)
            case = {"loss": loss, "reduction": reduction, "kwargs": kwargs, "input": enc(xin), "target": enc(target),
                    "tensors": {k: enc(v) for k, v in tensors.items()}, "output": enc(out),
                    "grad_fn": grad_fn_name(out)}
            if grad:
                out.sum().backward()
                case["grad_input"] = enc(xin.grad)
            cases.append(case)

    for dtype in [torch.float32, torch.float64]:
        x = torch.randn(3, 4, dtype=dtype)
        y = torch.randn(3, 4, dtype=dtype)
        add("MSELoss", {}, x, y)
        add("L1Loss", {}, x, y)
        for beta in [1.0, 0.5, 0.0, 3.0]:
            add("SmoothL1Loss", {"beta": beta}, x, y)
        for delta in [1.0, 0.5, 2.0]:
            add("HuberLoss", {"delta": delta}, x, y)
        logits = torch.randn(5, 4, dtype=dtype) * 2
        labels = torch.tensor([0, 3, 1, 1, 2])
        w = torch.tensor([0.5, 2.0, 1.0, 0.25], dtype=dtype)
        probs = torch.softmax(torch.randn(5, 4, dtype=dtype), dim=1)
        add("CrossEntropyLoss", {}, logits, labels)
        add("CrossEntropyLoss", {}, logits, labels, {"weight": w})
        add("CrossEntropyLoss", {"ignore_index": 1}, logits, labels)
        add("CrossEntropyLoss", {"ignore_index": 1}, logits, labels, {"weight": w})
        add("CrossEntropyLoss", {"label_smoothing": 0.1}, logits, labels)
        add("CrossEntropyLoss", {"label_smoothing": 0.2}, logits, labels, {"weight": w})
        add("CrossEntropyLoss", {"label_smoothing": 0.3, "ignore_index": 1}, logits, labels)
        add("CrossEntropyLoss", {"label_smoothing": 0.3, "ignore_index": 1}, logits, labels, {"weight": w})
        add("CrossEntropyLoss", {}, logits, probs)
        add("CrossEntropyLoss", {}, logits, probs, {"weight": w})
        add("CrossEntropyLoss", {"label_smoothing": 0.15}, logits, probs)
        add("CrossEntropyLoss", {}, logits[0], labels[1])
        add("CrossEntropyLoss", {}, torch.randn(2, 4, 3, dtype=dtype), torch.tensor([[0, 3, 2], [1, 1, 0]]))
        add("CrossEntropyLoss", {"label_smoothing": 0.1}, torch.randn(2, 4, 3, dtype=dtype),
            torch.tensor([[0, 3, 2], [1, 1, 0]]), {"weight": w})
        logp = torch.log_softmax(logits, dim=1)
        add("NLLLoss", {}, logp, labels)
        add("NLLLoss", {}, logp, labels, {"weight": w})
        add("NLLLoss", {"ignore_index": 3}, logp, labels, {"weight": w})
        add("NLLLoss", {"ignore_index": 2}, logp[:2], torch.tensor([2, 2]))
        add("NLLLoss", {}, torch.log_softmax(torch.randn(2, 4, 3, dtype=dtype), 1), torch.tensor([[0, 3, 2], [1, 1, 0]]))
        p = torch.sigmoid(torch.randn(3, 4, dtype=dtype))
        hard = torch.randint(0, 2, (3, 4)).to(dtype)
        soft = torch.rand(3, 4, dtype=dtype)
        add("BCELoss", {}, p, hard)
        add("BCELoss", {}, p, soft)
        add("BCELoss", {}, p, hard, {"weight": torch.rand(4, dtype=dtype) + 0.5})
        add("BCELoss", {}, torch.tensor([0.0, 1.0, 0.5, 1e-30], dtype=dtype), torch.tensor([0.0, 1.0, 1.0, 0.0], dtype=dtype))
        add("BCELoss", {}, torch.tensor([0.0, 1.0], dtype=dtype), torch.tensor([1.0, 0.0], dtype=dtype))
        z = torch.randn(3, 4, dtype=dtype) * 3
        add("BCEWithLogitsLoss", {}, z, hard)
        add("BCEWithLogitsLoss", {}, z, soft)
        add("BCEWithLogitsLoss", {}, z, hard, {"pos_weight": torch.tensor([1.0, 2.0, 0.5, 3.0], dtype=dtype)})
        add("BCEWithLogitsLoss", {}, z, soft, {"weight": torch.rand(3, 1, dtype=dtype),
                                               "pos_weight": torch.tensor([1.0, 2.0, 0.5, 3.0], dtype=dtype)})
        add("BCEWithLogitsLoss", {}, torch.tensor([-60.0, -20.0, 0.0, 20.0, 60.0], dtype=dtype),
            torch.tensor([1.0, 0.0, 0.5, 1.0, 0.0], dtype=dtype))
    write("losses", cases)


def errors():
    x = torch.randn(4, 3)
    cases = []

    def add(name, fn):
        e = error_of(fn)
        e["name"] = name
        cases.append(e)

    add("cross_entropy long target with input's shape", lambda: F.cross_entropy(x, torch.zeros(4, 3, dtype=torch.long)))
    add("cross_entropy float class indices", lambda: F.cross_entropy(x, torch.zeros(4)))
    add("cross_entropy batch mismatch", lambda: F.cross_entropy(x, torch.zeros(3, dtype=torch.long)))
    add("cross_entropy target out of bounds", lambda: F.cross_entropy(x, torch.tensor([0, 1, 7, 2])))
    add("cross_entropy negative target", lambda: F.cross_entropy(x, torch.tensor([0, 1, -3, 2])))
    add("cross_entropy target with a trailing 1", lambda: F.cross_entropy(x, torch.zeros(4, 1, dtype=torch.long)))
    add("cross_entropy spatial target size", lambda: F.cross_entropy(torch.randn(2, 4, 3), torch.zeros(2, 4, dtype=torch.long)))
    add("cross_entropy one sample with a batched target", lambda: F.cross_entropy(torch.randn(5), torch.zeros(1, dtype=torch.long)))
    add("cross_entropy weight of the wrong length", lambda: F.cross_entropy(x, torch.zeros(4, dtype=torch.long),
                                                                            weight=torch.ones(4)))
    add("binary_cross_entropy long target", lambda: F.binary_cross_entropy(torch.rand(3), torch.tensor([1, 0, 1])))
    add("binary_cross_entropy double target", lambda: F.binary_cross_entropy(torch.rand(3), torch.rand(3, dtype=torch.float64)))
    add("binary_cross_entropy_with_logits long target",
        lambda: F.binary_cross_entropy_with_logits(torch.randn(3), torch.tensor([1, 0, 1])))
    add("mse_loss backward with int64 labels",
        lambda: F.mse_loss(torch.randn(3, requires_grad=True), torch.tensor([1, 2, 3])).backward())
    add("mse_loss backward with a float64 target",
        lambda: F.mse_loss(torch.randn(3, requires_grad=True), torch.rand(3, dtype=torch.float64)).backward())
    add("huber_loss backward with int64 labels",
        lambda: F.huber_loss(torch.randn(3, requires_grad=True), torch.tensor([1, 2, 3])).backward())
    add("nll_loss 0-dim input", lambda: F.nll_loss(torch.tensor(1.0), torch.tensor(0)))
    add("binary_cross_entropy size mismatch", lambda: F.binary_cross_entropy(torch.rand(3, 1), torch.rand(3)))
    add("binary_cross_entropy out of range", lambda: F.binary_cross_entropy(torch.tensor([0.5, 1.5]), torch.rand(2)))
    add("binary_cross_entropy_with_logits size mismatch",
        lambda: F.binary_cross_entropy_with_logits(torch.rand(3, 1), torch.rand(3)))
    add("invalid reduction", lambda: F.mse_loss(x, x, reduction="avg"))
    add("smooth_l1_loss negative beta", lambda: F.smooth_l1_loss(x, x, beta=-1.0))
    add("huber_loss zero delta", lambda: F.huber_loss(x, x, delta=0.0))
    add("dropout probability", lambda: nn.Dropout(1.5))
    add("functional dropout probability", lambda: F.dropout(x, -0.1))
    add("linear shapes", lambda: nn.Linear(3, 2)(torch.randn(2, 4)))
    add("one_hot float", lambda: F.one_hot(torch.tensor([1.0])))
    add("one_hot too small", lambda: F.one_hot(torch.tensor([0, 3]), 3))
    add("one_hot negative", lambda: F.one_hot(torch.tensor([0, -1]), 3))
    add("missing forward", lambda: nn.Module()(x))
    add("missing attribute", lambda: nn.Linear(3, 2).foo)
    add("tensor assigned to a parameter", lambda: setattr(nn.Linear(3, 2), "weight", torch.zeros(2, 3)))
    add("number assigned to a child module", lambda: setattr(nn.Sequential(nn.ReLU()), "0", 3))
    add("parameter name with a dot", lambda: nn.Module().register_parameter("a.b", None))
    add("empty buffer name", lambda: nn.Module().register_buffer("", None))
    add("inplace relu on a leaf", lambda: nn.ReLU(inplace=True)(torch.ones(2, requires_grad=True)))
    add("get_submodule of a missing child", lambda: Net().get_submodule("head.3"))
    add("get_submodule through a parameter", lambda: Net().get_submodule("fc1.weight"))
    add("get_parameter of a missing name", lambda: Net().get_parameter("fc1.scale"))
    add("get_parameter of a buffer", lambda: Net().get_parameter("running"))
    add("get_parameter of None", lambda: nn.Linear(2, 1, bias=False).get_parameter("bias"))
    add("sequential index", lambda: nn.Sequential(nn.ReLU())[3])
    add("module list index", lambda: nn.ModuleList([nn.ReLU()])[-2])
    warned = []
    for name, fn in [("mse_loss", F.mse_loss), ("l1_loss", F.l1_loss), ("smooth_l1_loss", F.smooth_l1_loss),
                     ("huber_loss", F.huber_loss)]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            out = fn(torch.ones(3, 1), torch.zeros(3))
        warned.append({"name": name, "warnings": [str(w.message) for w in caught], "output": enc(out)})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        F.softmax(torch.ones(2, 3))
    warned.append({"name": "softmax", "warnings": [str(w.message) for w in caught]})
    one_hot = [{"input": enc(t), "num_classes": n, "output": enc(F.one_hot(t, n))}
               for t, n in [(torch.tensor([0, 2, 1]), -1), (torch.tensor([[0, 1], [3, 2]]), 5), (torch.tensor(2), 4)]]
    write("errors", {"errors": cases, "warnings": warned, "one_hot": one_hot})


if __name__ == "__main__":
    os.makedirs(OUT_DIR, exist_ok=True)
    structure()
    load_errors()
    init()
    layers()
    dropout()
    training()
    losses()
    errors()
