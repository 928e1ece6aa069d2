import torch
import torch.nn as nn
from torch.optim.lr_scheduler import StepLR, CosineAnnealingLR, ReduceLROnPlateau

torch.manual_seed(0)
model = nn.Linear(10, 2)

optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
print(optimizer.defaults["lr"], optimizer.defaults["momentum"], optimizer.defaults["nesterov"])

optimizer = torch.optim.SGD(
    model.parameters(),
    lr=0.01,
    momentum=0.9,
    weight_decay=1e-4,
    nesterov=True,
)
print(optimizer.param_groups[0]["momentum"], optimizer.param_groups[0]["weight_decay"],
      optimizer.param_groups[0]["nesterov"])

optimizer = torch.optim.Adam(
    model.parameters(),
    lr=1e-3,
    betas=(0.9, 0.999),
    eps=1e-8,
    weight_decay=0,
)
print(optimizer.param_groups[0]["betas"], optimizer.param_groups[0]["eps"])

optimizer = torch.optim.AdamW(
    model.parameters(),
    lr=1e-3,
    weight_decay=0.01,
)
print(optimizer.param_groups[0]["weight_decay"], torch.optim.AdamW(model.parameters()).defaults["weight_decay"])

scheduler = StepLR(optimizer, step_size=30, gamma=0.1)
print(scheduler.get_last_lr())
scheduler = CosineAnnealingLR(optimizer, T_max=100, eta_min=1e-6)
print(scheduler.get_last_lr())
scheduler = ReduceLROnPlateau(optimizer, mode="min", factor=0.1, patience=10)
for val_loss in [1.0] * 13:
    optimizer.step()
    scheduler.step(val_loss)
print(optimizer.param_groups[0]["lr"])
