"""Golden data for the range test run on a learner's own program (pylite.bridge.LrSweep): the program is run by
real PyTorch with each step's lr written into its source explicitly, lr_min*(lr_max/lr_min)**(k/(steps-1)) as
torch-lr-finder's exponential schedule gives it, and the losses it prints are recorded up to the sweep's end: after
`steps` steps, or before the first loss that is not finite or passes 4 times the best one.

Run with PyTorch (Debian's python3-torch, 1.13): /usr/bin/python3 tools/golden/gen_lr_sweep.py
Writes src/test/resources/golden/explore/lr_sweep.json.
"""
import io
import json
import math
import os
from contextlib import redirect_stdout

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "explore")

# The learner's program: its own lr and StepLR are what the sweep overrides.
PROGRAM = """import torch
from torch import nn
torch.manual_seed(0)
x = torch.linspace(-1, 1, 32).unsqueeze(1)
y = 3 * x + 0.5 + 0.1 * torch.randn(32, 1)
model = nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=5, gamma=0.5)
for epoch in range(200):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    print(loss.item())
"""

# The same program with the sweep's lr set by hand before each step.
EXPLICIT_STEP = """    for group in optimizer.param_groups:
        group["lr"] = LRS[epoch]
    optimizer.step()
"""


def explicit(program, lrs):
    return "LRS = " + repr(lrs) + "\n" + program.replace("    optimizer.step()\n", EXPLICIT_STEP).replace(
        "range(200)", "range(" + str(len(lrs)) + ")")


def sweep_case(name, lr_min, lr_max, steps):
    lrs = [lr_min * (lr_max / lr_min) ** (k / (steps - 1)) for k in range(steps)]
    out = io.StringIO()
    with redirect_stdout(out):
        exec(explicit(PROGRAM, lrs), {})
    printed = [float(line) for line in out.getvalue().split()]
    losses, best = [], math.inf
    for loss in printed:
        if not math.isfinite(loss) or loss > 4 * best:
            break
        best = min(best, loss)
        losses.append(loss)
    return {"name": name, "lr_min": lr_min, "lr_max": lr_max, "steps": steps, "lrs": lrs[:len(losses)],
            "losses": losses, "diverged": len(losses) < steps}


def main():
    import torch
    cases = [sweep_case("gentle", 1e-3, 0.1, 12), sweep_case("diverging", 1e-2, 1e3, 40)]
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "lr_sweep.json"), "w") as f:
        json.dump({"torch": torch.__version__, "program": PROGRAM, "explicit_step": EXPLICIT_STEP, "cases": cases}, f,
                  indent=1)


if __name__ == "__main__":
    main()
