"""Writes golden cases for the reprs of nn.Module trees and optimizers from real PyTorch.

Run with Debian's PyTorch:  /usr/bin/python3 tools/golden/gen_repr.py
A module case stores the tree as (class name, extra_repr, named children) so that the Java test
rebuilds the repr bottom-up; an optimizer case stores each param group's str() values in the dict's
own order. Cases where PyTorch 2.x prints differently carry "derived": true and a note.
"""
import json
import os

import torch
from torch import nn

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "printing")


def tree(module):
    if module is None:
        return None
    return {
        "name": module._get_name(),
        "kind": "module_list" if isinstance(module, nn.ModuleList) else "module",
        "extra_repr": module.extra_repr(),
        "children": [[key, tree(child)] for key, child in module._modules.items()],
    }


class Block(nn.Module):
    """A learner-style module with its own extra_repr and submodules."""

    def __init__(self, width, lines=1):
        super().__init__()
        self.width = width
        self.lines = lines
        self.body = nn.Sequential(nn.Linear(width, width), nn.Tanh())
        self.skip = nn.Identity()

    def extra_repr(self):
        return "\n".join(f"width={self.width}, line={i}" for i in range(self.lines))


class Empty(nn.Module):
    pass


class WithNone(nn.Module):
    def __init__(self):
        super().__init__()
        self.first = nn.ReLU()
        self.register_module("missing", None)


class OneLine(nn.Module):
    def extra_repr(self):
        return "answer=42"


def module_cases():
    torch.manual_seed(0)
    modules = {
        "Linear": nn.Linear(2, 3),
        "Linear without bias": nn.Linear(4, 1, bias=False),
        "ReLU": nn.ReLU(),
        "LeakyReLU": nn.LeakyReLU(0.2),
        "Tanh": nn.Tanh(),
        "Sigmoid": nn.Sigmoid(),
        "Softmax": nn.Softmax(dim=1),
        "Dropout": nn.Dropout(0.25),
        "Flatten": nn.Flatten(),
        "Identity": nn.Identity(),
        "MSELoss": nn.MSELoss(),
        "CrossEntropyLoss": nn.CrossEntropyLoss(label_smoothing=0.1),
        "Sequential MLP": nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1)),
        "nested Sequential": nn.Sequential(nn.Sequential(nn.Linear(784, 256), nn.ReLU()),
                                           nn.Sequential(nn.Dropout(), nn.Linear(256, 10))),
        "empty Sequential": nn.Sequential(),
        "empty module": Empty(),
        "one-line extra_repr": OneLine(),
        "module with a None child": WithNone(),
        "custom block": Block(4),
        "custom block with multi-line extra_repr": Block(3, lines=2),
        "Sequential of custom blocks": nn.Sequential(Block(2), Block(5)),
        "ModuleList of distinct modules": nn.ModuleList([nn.Linear(1, 2), nn.ReLU(), nn.Linear(2, 1)]),
        "empty ModuleList": nn.ModuleList(),
    }
    cases = []
    for name, module in modules.items():
        cases.append({"name": name, "tree": tree(module), "expected": repr(module), "derived": False})

    note = ("PyTorch 2.x's ModuleList.__repr__ compresses runs of identical child reprs into "
            "'(start-end): n x repr'; 1.13 prints every child")
    repeated = {
        "ModuleList of repeated Linear layers": (
            nn.ModuleList([nn.Linear(8, 8) for _ in range(3)]),
            "ModuleList(\n  (0-2): 3 x Linear(in_features=8, out_features=8, bias=True)\n)"),
        "ModuleList with runs": (
            nn.ModuleList([nn.ReLU(), nn.ReLU(), nn.Tanh(), nn.ReLU()]),
            "ModuleList(\n  (0-1): 2 x ReLU()\n  (2): Tanh()\n  (3): ReLU()\n)"),
        "ModuleList of repeated multi-line blocks": (
            nn.ModuleList([nn.Sequential(nn.Linear(2, 2), nn.ReLU()) for _ in range(2)]),
            "ModuleList(\n  (0-1): 2 x Sequential(\n    (0): Linear(in_features=2, out_features=2, bias=True)\n"
            "    (1): ReLU()\n  )\n)"),
    }
    for name, (module, expected) in repeated.items():
        cases.append({"name": name, "tree": tree(module), "expected": expected, "derived": True,
                      "printed_by_1_13": repr(module), "note": note})
    return cases


def optimizer_cases():
    torch.manual_seed(0)
    w = nn.Parameter(torch.randn(2))
    b = nn.Parameter(torch.randn(1))
    optimizers = {
        "SGD": torch.optim.SGD([w], lr=0.1),
        "SGD with momentum and nesterov": torch.optim.SGD([w], lr=0.01, momentum=0.9, nesterov=True,
                                                          weight_decay=1e-4),
        "Adam": torch.optim.Adam([w]),
        "Adam amsgrad": torch.optim.Adam([w], lr=3e-4, betas=(0.8, 0.99), amsgrad=True),
        "AdamW": torch.optim.AdamW([w]),
        "RMSprop": torch.optim.RMSprop([w], lr=0.01, alpha=0.9, centered=True),
        "Adagrad": torch.optim.Adagrad([w]),
        "two param groups": torch.optim.SGD([{"params": [w]}, {"params": [b], "lr": 0.5}], lr=0.1,
                                            momentum=0.5),
    }
    cases = []
    for name, optimizer in optimizers.items():
        groups = [[[key, str(value)] for key, value in group.items() if key != "params"]
                  for group in optimizer.param_groups]
        cases.append({"name": name, "class": type(optimizer).__name__, "groups": groups,
                      "expected": repr(optimizer), "derived": False})
    sgd2 = [["lr", "0.1"], ["momentum", "0"], ["dampening", "0"], ["weight_decay", "0"],
            ["nesterov", "False"], ["maximize", "False"], ["foreach", "None"],
            ["differentiable", "False"], ["fused", "None"]]
    cases.append({
        "name": "SGD with the keys of PyTorch 2.x",
        "class": "SGD",
        "groups": [sgd2],
        "expected": "SGD (\nParameter Group 0\n" + "".join(
            f"    {k}: {v}\n" for k, v in sorted(sgd2)) + ")",
        "derived": True,
        "note": "PyTorch 2.x adds the 'fused' key to SGD's param groups; the layout and sorting are unchanged",
    })
    return cases


def main():
    for file, cases in [("modules.json", module_cases()), ("optimizers.json", optimizer_cases())]:
        with open(os.path.join(OUT, file), "w") as out:
            json.dump({"generator": "tools/golden/gen_repr.py", "torch": torch.__version__, "cases": cases},
                      out, indent=1)
            out.write("\n")
        print(f"wrote {len(cases)} cases into {file}")


if __name__ == "__main__":
    main()
