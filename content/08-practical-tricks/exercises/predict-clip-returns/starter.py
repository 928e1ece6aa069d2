import torch

answer = None  # your choice: "a", "b", "c" or "d"

# the experiment: run it unchanged after choosing
p = torch.zeros(2, requires_grad=True)
p.grad = torch.tensor([6.0, 8.0])
total = torch.nn.utils.clip_grad_norm_([p], max_norm=1.0)
returned = total.item()
clipped = p.grad.tolist()
print("returned:", round(returned, 4))
print("p.grad afterwards:", [round(g, 4) for g in clipped])
