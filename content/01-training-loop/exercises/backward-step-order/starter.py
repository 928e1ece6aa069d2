import torch

x = torch.tensor([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [2.0, 1.0]])
y = torch.tensor([[1.0], [3.0], [4.0], [7.0]])
w = torch.zeros(2, 1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)

for step in range(40):
    optimizer.zero_grad()
    loss = ((x @ w - y) ** 2).mean()
    pass  # finish the step here

print(w.detach().squeeze(), loss.item())
