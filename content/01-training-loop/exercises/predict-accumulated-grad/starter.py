import torch

answer = None  # your choice: "a", "b", "c" or "d"

# the experiment: run it unchanged after choosing
w = torch.tensor(3.0, requires_grad=True)
for attempt in range(2):
    loss = w * w
    loss.backward()
observed = w.grad.item()
print("w.grad =", observed)
