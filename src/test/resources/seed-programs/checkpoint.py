import torch
import torch.nn as nn
from torch.optim import AdamW
from torch.optim.lr_scheduler import CosineAnnealingLR

torch.manual_seed(0)
x = torch.randn(16, 4)
target = torch.randn(16, 1)
criterion = nn.MSELoss()


def build():
    model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))
    optimizer = AdamW(model.parameters(), lr=1e-2, weight_decay=0.01)
    scheduler = CosineAnnealingLR(optimizer, T_max=20)
    return model, optimizer, scheduler


def train(model, optimizer, scheduler, epochs):
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = criterion(model(x), target)
        loss.backward()
        optimizer.step()
        scheduler.step()
    return loss


model, optimizer, scheduler = build()
loss = train(model, optimizer, scheduler, 5)
epoch = 4

# Save a checkpoint
torch.save({
    "epoch": epoch,
    "model_state_dict": model.state_dict(),
    "optimizer_state_dict": optimizer.state_dict(),
    "scheduler_state_dict": scheduler.state_dict(),
    "loss": loss,
}, "checkpoint.pt")

# Keep training the original for reference
train(model, optimizer, scheduler, 5)
reference = criterion(model(x), target).item()

# Restore the checkpoint into fresh objects
model, optimizer, scheduler = build()
checkpoint = torch.load("checkpoint.pt")
model.load_state_dict(checkpoint["model_state_dict"])

# Order: the scheduler first, then the optimizer
scheduler.load_state_dict(checkpoint["scheduler_state_dict"])
optimizer.load_state_dict(checkpoint["optimizer_state_dict"])

print("epoch", checkpoint["epoch"], "loss", f"{checkpoint['loss'].item():.6f}")
print("lr after restore", optimizer.param_groups[0]["lr"], scheduler.get_last_lr())
print("step", optimizer.state_dict()["state"][0]["step"])
train(model, optimizer, scheduler, 5)
resumed = criterion(model(x), target).item()
print(f"reference {reference:.6f} resumed {resumed:.6f} same {reference == resumed}")
