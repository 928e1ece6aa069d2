import torch
import torch.nn as nn


class ScaledMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 8)
        self.gain = nn.Parameter(torch.ones(8))
        self.out = nn.Linear(8, 1)

    def forward(self, x):
        return self.out(torch.relu(self.hidden(x)) * self.gain)


torch.manual_seed(0)
model = ScaledMLP()
x = torch.randn(32, 4)
y = x.sum(dim=1, keepdim=True)

decay = [p for name, p in model.named_parameters() if "bias" not in name]
no_decay = [p for name, p in model.named_parameters() if "bias" in name]
optimizer = torch.optim.AdamW([
    {"params": decay, "weight_decay": 0.1},
    {"params": no_decay, "weight_decay": 0.0},
], lr=0.05)

for step in range(60):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()

final = {name: p.detach().clone() for name, p in model.named_parameters()}
print(f"loss {loss.item():.4f}")
