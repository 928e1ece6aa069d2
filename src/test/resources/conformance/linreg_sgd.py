import torch
import torch.nn as nn

torch.manual_seed(42)
x = torch.linspace(-1, 1, 20).unsqueeze(1)
y = 3 * x + 0.5 + 0.1 * torch.randn(20, 1)

model = nn.Linear(1, 1)
print(model)
print(model.weight, model.bias)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(30):
    optimizer.zero_grad()
    pred = model(x)
    loss = loss_fn(pred, y)
    loss.backward()
    optimizer.step()
    if epoch % 5 == 0:
        print(f"epoch {epoch:2d} loss {loss.item():.6f}")

print(f"w={model.weight.item():.4f} b={model.bias.item():.4f}")
print(model.state_dict())
