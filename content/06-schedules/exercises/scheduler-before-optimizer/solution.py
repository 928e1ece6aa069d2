import torch

x = torch.linspace(-1.0, 1.0, 8).unsqueeze(1)
y = 3.0 * x - 0.5
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w, b], lr=0.4)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=4, gamma=0.5)

for epoch in range(12):
    optimizer.zero_grad()
    loss = ((x * w + b - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    scheduler.step()

print(f"w={w.item():.4f} b={b.item():.4f} loss={loss.item():.6f}")
