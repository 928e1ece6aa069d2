"""Golden data for the interactive tools: optimizer paths on the catalogue surfaces, schedules (with
ReduceLROnPlateau fed the tools' synthetic validation loss) and the learning-rate range test, computed by real PyTorch with the loops of dev.optimlab.explore.WidgetCurves.

Run with PyTorch (Debian's python3-torch, 1.13): /usr/bin/python3 tools/golden/gen_explore.py
Writes src/test/resources/golden/explore/paths.json, lr_finder.json and schedules.json.
"""
import json
import math
import os

import torch
from torch import nn

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "explore")


def surface(name):
    if name == "bowl":
        return lambda p: (p ** 2).sum()
    if name == "valley":
        return lambda p: (p ** 2 * torch.tensor([0.1, 2.0])).sum()
    if name == "rosenbrock":
        return lambda p: (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2
    if name == "saddle":
        return lambda p: (p ** 2 * torch.tensor([1.0, -1.0])).sum()
    # a fresh seeded generator per path, as the Java tool builds one surface per optimizer
    g = torch.Generator().manual_seed(0)
    return lambda p: (p ** 2).sum() + (p * (torch.randn(2, generator=g) * 1.0)).sum()


def walk(surface_id, spec, start, steps):
    f = surface(surface_id)
    options = dict(spec)
    name = options.pop("name")
    if "betas" in options:
        options["betas"] = tuple(options["betas"])
    p = torch.tensor(start, requires_grad=True)
    optimizer = getattr(torch.optim, name)([p], **options)
    path = [p.tolist()]
    for _ in range(steps):
        optimizer.zero_grad()
        loss = f(p)
        loss.backward()
        optimizer.step()
        path.append(p.tolist())
    return path


CASES = [
    ("valley", {"name": "SGD", "lr": 0.1}, [-4.0, 1.0]),
    ("valley", {"name": "SGD", "lr": 0.1, "momentum": 0.9}, [-4.0, 1.0]),
    ("valley", {"name": "SGD", "lr": 0.1, "momentum": 0.9, "nesterov": True}, [-4.0, 1.0]),
    ("rosenbrock", {"name": "Adam", "lr": 0.05, "betas": [0.9, 0.999]}, [-1.5, 2.0]),
    ("rosenbrock", {"name": "RMSprop", "lr": 0.01}, [-1.5, 2.0]),
    ("saddle", {"name": "Adagrad", "lr": 0.1}, [-2.0, 0.001]),
    ("saddle", {"name": "AdamW", "lr": 0.05, "betas": [0.8, 0.99]}, [-2.0, 0.001]),
    ("noisy-bowl", {"name": "SGD", "lr": 0.05}, [-3.0, 2.0]),
    ("noisy-bowl", {"name": "Adam", "lr": 0.1, "betas": [0.9, 0.999]}, [-3.0, 2.0]),
    ("bowl", {"name": "SGD", "lr": 0.05, "momentum": 0.5}, [1.5, -2.5]),
]
STEPS = 40

paths = [{"surface": s, "optimizer": spec, "start": start, "steps": STEPS, "path": walk(s, spec, start, STEPS)}
         for s, spec, start in CASES]


def lr_finder(model_id, start_lr, end_lr, steps):
    """One full-batch SGD step per learning rate, rates geometric; stops once the loss is 4x the best or not finite."""
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    if model_id == "linear-regression":
        x = torch.randn(64, 1, generator=g)
        y = x * 3.0 + 2.0 + torch.randn(64, 1, generator=g) * 0.1
        model = nn.Linear(1, 1)
        loss_fn = nn.functional.mse_loss
    else:
        centers = [[-2.0, -2.0], [2.0, -2.0], [0.0, 2.0]]
        x = torch.cat([torch.randn(50, 2, generator=g) * 0.6 + torch.tensor(c) for c in centers])
        y = torch.arange(3).repeat_interleave(50)
        model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3))
        loss_fn = nn.functional.cross_entropy
    optimizer = torch.optim.SGD(model.parameters(), lr=start_lr)
    log_lrs, losses = [], []
    best = math.inf
    for step in range(steps):
        lr = start_lr * (end_lr / start_lr) ** (step / (steps - 1))
        optimizer.param_groups[0]["lr"] = lr
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        value = loss.item()
        if not math.isfinite(value) or value > 4 * best:
            break
        best = min(best, value)
        log_lrs.append(math.log10(lr))
        losses.append(value)
        loss.backward()
        optimizer.step()
    return {"model": model_id, "start_lr": start_lr, "end_lr": end_lr, "steps": steps, "log_lrs": log_lrs, "losses": losses}


finders = [lr_finder("linear-regression", 1e-4, 10.0, 60), lr_finder("blobs", 1e-3, 100.0, 50)]



def schedule(build, steps, base_lr=0.1, plateau=None):
    """lr before each step of `optimizer.step(); scheduler.step()` on SGD(lr=base_lr, momentum=0.9)."""
    p = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=base_lr, momentum=0.9)
    scheduler = build(optimizer)
    if plateau is not None:
        torch.manual_seed(plateau["seed"])
    lrs = []
    for step in range(steps):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        if plateau is None:
            scheduler.step()
        else:
            scheduler.step(0.5 + 1 / (1 + 0.1 * step) + plateau["noise"] * torch.randn(1).item())
    return lrs


S = torch.optim.lr_scheduler
schedules = [
    {"spec": {"scheduler": "StepLR", "args": {"step_size": 30, "gamma": 0.1}}, "steps": 100,
     "lrs": schedule(lambda o: S.StepLR(o, step_size=30, gamma=0.1), 100)},
    {"spec": {"scheduler": "OneCycleLR", "args": {"max_lr": 0.1, "total_steps": 100}}, "steps": 100,
     "lrs": schedule(lambda o: S.OneCycleLR(o, max_lr=0.1, total_steps=100), 100)},
    {"spec": {"scheduler": "SequentialLR", "args": {"schedulers": [
        {"scheduler": "LinearLR", "args": {"start_factor": 0.1, "total_iters": 10}},
        {"scheduler": "CosineAnnealingLR", "args": {"T_max": 90}}], "milestones": [10]}}, "steps": 100,
     "lrs": schedule(lambda o: S.SequentialLR(o, schedulers=[S.LinearLR(o, start_factor=0.1, total_iters=10),
                                                             S.CosineAnnealingLR(o, T_max=90)], milestones=[10]), 100)},
    {"spec": {"scheduler": "ChainedScheduler", "args": {"schedulers": [
        {"scheduler": "ConstantLR", "args": {"factor": 0.5, "total_iters": 10}},
        {"scheduler": "ExponentialLR", "args": {"gamma": 0.97}}]}}, "steps": 60,
     "lrs": schedule(lambda o: S.ChainedScheduler([S.ConstantLR(o, factor=0.5, total_iters=10),
                                                   S.ExponentialLR(o, gamma=0.97)]), 60)},
    {"spec": {"scheduler": "ReduceLROnPlateau", "args": {"factor": 0.5, "patience": 5}}, "steps": 120,
     "metric": {"seed": 0, "noise": 0.02},
     "lrs": schedule(lambda o: S.ReduceLROnPlateau(o, factor=0.5, patience=5), 120, plateau={"seed": 0, "noise": 0.02})},
    {"spec": {"scheduler": "ReduceLROnPlateau", "args": {"factor": 0.3, "patience": 3, "cooldown": 2}}, "steps": 120,
     "metric": {"seed": 7, "noise": 0.05},
     "lrs": schedule(lambda o: S.ReduceLROnPlateau(o, factor=0.3, patience=3, cooldown=2), 120,
                     plateau={"seed": 7, "noise": 0.05})},
]

os.makedirs(OUT, exist_ok=True)
meta = {"generator": "tools/golden/gen_explore.py", "torch": torch.__version__}
with open(os.path.join(OUT, "paths.json"), "w") as out:
    json.dump({"meta": meta, "cases": paths}, out)
with open(os.path.join(OUT, "lr_finder.json"), "w") as out:
    json.dump({"meta": meta, "cases": finders}, out)
with open(os.path.join(OUT, "schedules.json"), "w") as out:
    json.dump({"meta": meta, "cases": schedules}, out)
print("wrote", len(paths), "paths,", len(finders), "range tests and", len(schedules), "schedules")
