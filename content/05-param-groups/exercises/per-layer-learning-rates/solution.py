import torch
import torch.nn as nn

torch.manual_seed(0)
body = nn.Linear(4, 8)
head = nn.Linear(8, 1)
x = torch.randn(32, 4)
y = torch.randn(32, 1)
head_start = [p.detach().clone() for p in head.parameters()]

optimizer = torch.optim.SGD([
    {"params": body.parameters(), "lr": 0.01},
    {"params": head.parameters()},
], lr=0.1, momentum=0.9)

for step in range(30):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(head(torch.relu(body(x))), y)
    loss.backward()
    optimizer.step()

body_final = [p.detach().clone() for p in body.parameters()]
head_final = [p.detach().clone() for p in head.parameters()]
print(f"loss {loss.item():.4f}")
