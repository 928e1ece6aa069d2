import torch
a = torch.ones(5000, 5000)
b = torch.ones(5000, 5000)
c = a @ b
print(c[0, 0])
