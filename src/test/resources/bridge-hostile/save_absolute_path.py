import torch
torch.save(torch.ones(2), "/etc/passwd")
