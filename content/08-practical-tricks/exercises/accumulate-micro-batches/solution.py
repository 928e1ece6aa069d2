import torch

torch.manual_seed(0)
x = torch.randn(16, 3)
y = x @ torch.tensor([[2.0], [-1.0], [0.5]]) + 1.0
w = torch.zeros(3, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w, b], lr=0.1, momentum=0.9)

# the batch of 16 does not fit in memory at once: 4 micro-batches of 4 make one update
micro = 4
for step in range(10):
    optimizer.zero_grad()
    for i in range(0, 16, micro):
        xb, yb = x[i:i + micro], y[i:i + micro]
        loss = ((xb @ w + b - yb) ** 2).mean()
        (loss / (16 // micro)).backward()
    optimizer.step()

full_loss = ((x @ w + b - y) ** 2).mean().item()
print(f"loss over the whole batch after 10 updates: {full_loss:.6f}")
