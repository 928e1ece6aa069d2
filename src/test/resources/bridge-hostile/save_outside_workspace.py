import torch
torch.save({"x": torch.ones(2)}, "../x.pt")
