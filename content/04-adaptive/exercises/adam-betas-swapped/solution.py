import torch

x = torch.tensor([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [2.0, 1.0]])
y = torch.tensor([[1.0], [3.0], [4.0], [7.0]])
w = torch.zeros(2, 1, requires_grad=True)
optimizer = torch.optim.Adam([w], lr=0.1, betas=(0.9, 0.999))

for step in range(100):
    optimizer.zero_grad()
    loss = ((x @ w - y) ** 2).mean()
    loss.backward()
    optimizer.step()

print(w.detach().squeeze(), loss.item())
