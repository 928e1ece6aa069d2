import torch
torch.manual_seed = print
