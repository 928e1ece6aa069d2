"""Golden data for the reference catalogue: surface values and gradients, seeded datasets, default models.

Run with PyTorch (Debian's python3-torch, 1.13): /usr/bin/python3 tools/golden/gen_catalogue.py
Writes src/test/resources/golden/catalogue/catalogue.json. The formulas are those of docs/catalogue.md.
"""
import json
import os

import torch
from torch import nn

SURFACES = {
    "bowl": lambda p: (p ** 2).sum(),
    "valley": lambda p: (p ** 2 * torch.tensor([0.1, 2.0])).sum(),
    "rosenbrock": lambda p: (1 - p[0]) ** 2 + (p[1] - p[0] ** 2) ** 2 * 100,
    "saddle": lambda p: (p ** 2 * torch.tensor([1.0, -1.0])).sum(),
}
POINTS = [[-3.0, 2.0], [-4.0, 1.0], [-1.5, 2.0], [-2.0, 0.001], [0.0, 0.0], [1.0, 1.0], [0.3, -0.7], [2.5, 6.25]]


def evaluate(f, point):
    p = torch.tensor(point, requires_grad=True)
    value = f(p)
    value.backward()
    return {"point": point, "value": value.item(), "grad": p.grad.tolist()}


surfaces = {name: [evaluate(f, point) for point in POINTS] for name, f in SURFACES.items()}

noise = torch.Generator().manual_seed(3)


def noisy_bowl(p):
    return (p ** 2).sum() + (p * (torch.randn(2, generator=noise) * 1.0)).sum()


surfaces["noisy-bowl"] = [evaluate(noisy_bowl, point) for point in POINTS[:2] * 2]

BLOB_CENTERS = [[-2.0, -2.0], [2.0, -2.0], [0.0, 2.0]]


def linear_regression(n, g):
    x = torch.randn(n, 1, generator=g)
    noise = torch.randn(n, 1, generator=g)
    return x, x * 3.0 + 2.0 + noise * 0.1


def blobs(per_class, g):
    points = [torch.randn(per_class, 2, generator=g) * 0.6 + torch.tensor(c) for c in BLOB_CENTERS]
    labels = [torch.full((per_class,), k, dtype=torch.int64) for k in range(3)]
    return torch.cat(points), torch.cat(labels)


def spiral(per_class, g):
    r = torch.linspace(0.0, 1.0, per_class)
    points, labels = [], []
    for k in range(3):
        t = torch.linspace(4.0 * k, 4.0 * (k + 1), per_class) + torch.randn(per_class, generator=g) * 0.2
        points.append(torch.stack([r * torch.sin(t), r * torch.cos(t)], dim=1))
        labels.append(torch.full((per_class,), k, dtype=torch.int64))
    return torch.cat(points), torch.cat(labels)


def record(pair, size, seed, after):
    x, y = pair
    return {"size": size, "seed": seed, "x_shape": list(x.shape), "x": x.reshape(-1).tolist(),
            "y_shape": list(y.shape), "y": y.reshape(-1).tolist(), "y_dtype": str(y.dtype).replace("torch.", ""),
            "rand_after": torch.rand(2, generator=after).tolist()}


datasets = {}
for name, make, size in [("linear-regression", linear_regression, 8), ("blobs", blobs, 5), ("spiral", spiral, 7)]:
    g = torch.Generator().manual_seed(42)
    datasets[name] = record(make(size, g), size, 42, g)

MODELS = {
    "linear-regression": lambda: nn.Linear(1, 1),
    "blobs": lambda: nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3)),
    "spiral": lambda: nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 3)),
}
models = {}
for name, make in MODELS.items():
    torch.manual_seed(5)
    model = make()
    models[name] = {"seed": 5, "parameters": {k: v.reshape(-1).tolist() for k, v in model.named_parameters()}}

out = {"torch": torch.__version__, "surfaces": surfaces, "datasets": datasets, "models": models}
path = os.path.join(os.path.dirname(__file__), "../../src/test/resources/golden/catalogue/catalogue.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
