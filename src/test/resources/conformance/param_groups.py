import torch
import torch.nn as nn

torch.manual_seed(7)
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1))
opt = torch.optim.SGD([
    {"params": model[0].parameters()},
    {"params": model[2].parameters(), "lr": 0.01},
], lr=0.1, momentum=0.9)
print(len(opt.param_groups), [g["lr"] for g in opt.param_groups], opt.param_groups[1]["momentum"])
x = torch.randn(8, 4)
y = torch.randn(8, 1)
for step in range(5):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    if step == 2:
        for g in opt.param_groups:
            g["lr"] = g["lr"] * 0.5
    print(step, f"{loss.item():.6f}", [g["lr"] for g in opt.param_groups])
print(opt.param_groups[0]["nesterov"], opt.param_groups[0]["dampening"], opt.param_groups[1]["weight_decay"])
