import torch

pred = torch.tensor([0.2, -1.5, 3.0, 0.9, -0.4])
target = torch.tensor([0.0, 0.5, 0.5, 1.0, -3.0])
delta = 1.5

errors = pred - target
grad = errors / len(pred)  # right for small errors; what about the large ones?

print(grad)
