import torch
import torch.nn as nn

answer = None  # your choice: "a", "b", "c" or "d"

# the experiment: run it unchanged after choosing
torch.manual_seed(0)
body = nn.Linear(4, 8)
head = nn.Linear(8, 1)
optimizer = torch.optim.SGD(head.parameters(), lr=0.1, momentum=0.9)
optimizer.param_groups[0]["lr"] = 0.05
optimizer.add_param_group({"params": body.parameters()})
lrs = [group["lr"] for group in optimizer.param_groups]
print("learning rates of the groups:", lrs)
