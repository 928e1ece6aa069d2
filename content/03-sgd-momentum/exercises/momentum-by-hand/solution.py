import torch

target = torch.tensor([3.0, -1.0])
p = torch.tensor([0.0, 0.0])
lr = 0.1
momentum = 0.9
buf = None
history = []

for step in range(5):
    g = 2 * (p - target)
    if buf is None:
        buf = g.clone()
    else:
        buf = momentum * buf + g
    p = p - lr * buf
    history.append(p.clone())

print(history[-1])
