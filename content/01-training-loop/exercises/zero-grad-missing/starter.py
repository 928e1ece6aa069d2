import torch

x = torch.linspace(-1.0, 1.0, 16).unsqueeze(1)
y = 2.0 * x + 1.0
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w, b], lr=0.05)

for step in range(60):
    loss = ((x * w + b - y) ** 2).mean()
    loss.backward()
    optimizer.step()

print(f"w={w.item():.4f} b={b.item():.4f} loss={loss.item():.6f}")
