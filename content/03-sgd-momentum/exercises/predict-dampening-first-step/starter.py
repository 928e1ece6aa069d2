import torch

answer = None  # your choice: "a", "b", "c" or "d"

# the experiment: run it unchanged after choosing
p = torch.tensor(1.0, requires_grad=True)
optimizer = torch.optim.SGD([p], lr=0.1, momentum=0.9, dampening=0.5)
optimizer.zero_grad()
(p * p).backward()
optimizer.step()
after_one_step = p.item()
print("p after one step =", after_one_step)
