import torch

lr = 0.09
momentum = 0.0


def valley(p):
    return 0.5 * (p[0] ** 2 + 20 * p[1] ** 2)


p = torch.tensor([-4.0, 1.0], requires_grad=True)
optimizer = torch.optim.SGD([p], lr=lr, momentum=momentum)
for step in range(30):
    optimizer.zero_grad()
    valley(p).backward()
    optimizer.step()

distance = p.norm().item()
print(f"after 30 steps p = {[round(v, 4) for v in p.tolist()]}, distance to the minimum {distance:.4f}")
