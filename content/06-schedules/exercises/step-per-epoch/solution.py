import torch

x = torch.linspace(-2.0, 2.0, 16).unsqueeze(1)
y = 0.5 * x + 2.0
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w, b], lr=0.2)
# halve the rate every 2 epochs
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)

for epoch in range(6):
    for start in range(0, 16, 4):
        xb, yb = x[start:start + 4], y[start:start + 4]
        optimizer.zero_grad()
        loss = ((xb * w + b - yb) ** 2).mean()
        loss.backward()
        optimizer.step()
    scheduler.step()
    print(epoch, optimizer.param_groups[0]["lr"], round(loss.item(), 5))
