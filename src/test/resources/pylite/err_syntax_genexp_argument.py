import torch

losses = [0.5, 0.25]
total = sum(loss * 2 for loss in losses, 0.0)
print(total)
