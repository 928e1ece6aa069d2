import torch
torch.optim.SGD.step = lambda self, closure=None: None
