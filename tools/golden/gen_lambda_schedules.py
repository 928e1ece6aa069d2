"""Golden data for LambdaLR and MultiplicativeLR in the schedule explorer: lr before each step of
`optimizer.step(); scheduler.step()` on SGD(lr=0.1, momentum=0.9), with the lr_lambda given as the Python source a
learner types, evaluated here by real Python and PyTorch.

Run with PyTorch (Debian's python3-torch, 1.13): /usr/bin/python3 tools/golden/gen_lambda_schedules.py
Writes src/test/resources/golden/explore/lambda_schedules.json (the same case format as schedules.json).
"""
import json
import math
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "explore")
S = torch.optim.lr_scheduler


def schedule(name, source, steps, base_lr=0.1):
    p = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=base_lr, momentum=0.9)
    scheduler = getattr(S, name)(optimizer, lr_lambda=eval(source, {"math": math}))
    lrs = []
    for _ in range(steps):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return {"spec": {"scheduler": name, "args": {"lr_lambda": source}}, "steps": steps, "lrs": lrs}


cases = [
    schedule("LambdaLR", "lambda epoch: 0.95 ** epoch", 60),
    schedule("LambdaLR", "lambda epoch: min(1.0, (epoch + 1) / 10) * (0.5 + 0.5 * math.cos(math.pi * epoch / 100))", 100),
    schedule("MultiplicativeLR", "lambda epoch: 0.5 if epoch % 20 == 0 else 0.99", 80),
]
os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "lambda_schedules.json"), "w") as out:
    json.dump({"meta": {"generator": "tools/golden/gen_lambda_schedules.py", "torch": torch.__version__}, "cases": cases},
              out)
print("wrote", len(cases), "lambda schedules")
