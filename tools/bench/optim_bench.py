"""PyTorch side of tools/bench/OptimBench.java: 10,000 scheduler steps and one optimizer step over 10M parameters.

Run with Debian's PyTorch on one thread: /usr/bin/python3 tools/bench/optim_bench.py
"""
import time

import torch
from torch.optim import lr_scheduler

torch.set_num_threads(1)


def schedule(name, build):
    best = float("inf")
    for _ in range(5):
        optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1, momentum=0.9)
        scheduler = build(optimizer)
        optimizer.step()
        start = time.perf_counter()
        for _ in range(10_000):
            scheduler.step()
        best = min(best, time.perf_counter() - start)
    print(f"{name}, 10000 steps: {best * 1000:.1f} ms")


def optimizer_step(name, build):
    weights = torch.zeros(10_000_000, requires_grad=True)
    weights.grad = torch.ones_like(weights)
    optimizer = build([weights])
    best = float("inf")
    for _ in range(8):
        start = time.perf_counter()
        optimizer.step()
        best = min(best, time.perf_counter() - start)
    print(f"{name}, one step over 10M parameters: {best * 1000:.1f} ms")


schedule("StepLR", lambda o: lr_scheduler.StepLR(o, 30, 0.1))
schedule("CosineAnnealingLR", lambda o: lr_scheduler.CosineAnnealingLR(o, 10_000))
schedule("OneCycleLR", lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=10_001))
optimizer_step("Adam (single-tensor)", lambda p: torch.optim.Adam(p, lr=1e-3, foreach=False))
optimizer_step("Adam (foreach)", lambda p: torch.optim.Adam(p, lr=1e-3, foreach=True))
optimizer_step("SGD momentum", lambda p: torch.optim.SGD(p, lr=1e-3, momentum=0.9, foreach=False))
