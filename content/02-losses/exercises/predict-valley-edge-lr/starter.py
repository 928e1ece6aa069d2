import torch

answer = None  # your choice: "a", "b", "c" or "d"

# the experiment: run it unchanged after choosing
p = torch.tensor([-4.0, 1.0], requires_grad=True)
optimizer = torch.optim.SGD([p], lr=0.1)
ys = []
for step in range(6):
    optimizer.zero_grad()
    (0.5 * (p[0] ** 2 + 20 * p[1] ** 2)).backward()
    optimizer.step()
    ys.append(round(p[1].item(), 4))
print("y after each step:", ys)
