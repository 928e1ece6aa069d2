import torch

lr_w = 0.0001
lr_b = 0.0001

x = torch.linspace(0.0, 1.0, 20).unsqueeze(1)
big = 100.0 * x
y = 3.0 * x + 2.0
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([{"params": [w], "lr": lr_w}, {"params": [b], "lr": lr_b}], lr=lr_w)

for step in range(40):
    optimizer.zero_grad()
    loss = ((big * w + b - y) ** 2).mean()
    loss.backward()
    optimizer.step()

final_loss = ((big * w + b - y) ** 2).mean().item()
print(f"w={w.item():.5f} b={b.item():.4f} loss after 40 steps {final_loss:.6f}")
