# derived: PyTorch 2.x names both dtypes in this message ("..., but got Double and Float"); 1.13 stops after "dtype"
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
x = torch.ones(3, 2, dtype=torch.float64)
print(x.dtype, model.weight.dtype)
y = model(x)
