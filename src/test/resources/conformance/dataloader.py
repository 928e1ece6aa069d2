import torch
from torch.utils.data import TensorDataset, DataLoader, random_split

torch.manual_seed(2)
x = torch.arange(10).float().unsqueeze(1)
y = x * 2
ds = TensorDataset(x, y)
print(len(ds), ds[3])
for xb, yb in DataLoader(ds, batch_size=4, shuffle=True):
    print(xb.squeeze(1).tolist(), yb.shape)
for xb, yb in DataLoader(ds, batch_size=3, drop_last=True):
    print(xb.squeeze(1).tolist())
train, val = random_split(ds, [7, 3])
print(len(train), len(val), [int(val[i][0].item()) for i in range(len(val))])
print(torch.rand(2))
