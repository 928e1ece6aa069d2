import torch

x = torch.tensor([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [2.0, 1.0]])
y = torch.tensor([[1.0], [3.0], [4.0], [7.0]])
w = torch.zeros(2, 1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)

# wanted: 5 steps of linear warmup, then a cosine over the remaining 15 steps
warmup = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.2, total_iters=5)
cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=15)
scheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, schedulers=[warmup, cosine], milestones=[5])

for step in range(20):
    optimizer.zero_grad()
    loss = ((x @ w - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    scheduler.step()

print(w.detach().squeeze(), loss.item())
