import torch
import torch.nn as nn
from torch.optim import AdamW
from torch.optim.lr_scheduler import LinearLR, CosineAnnealingLR, SequentialLR
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

# Stand-ins for the seed's MyModel, train_loader and num_epochs.
MyModel = lambda: nn.Linear(4, 3)
train_loader = DataLoader(TensorDataset(torch.randn(32, 4), torch.randint(0, 3, (32,))), batch_size=8, shuffle=True)
num_epochs = 100

# 1. Set-up
model = MyModel()
criterion = nn.CrossEntropyLoss()
optimizer = AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
# 10 epochs of linear warmup, then cosine annealing
warmup = LinearLR(optimizer, start_factor=0.1, end_factor=1.0, total_iters=10)
cosine = CosineAnnealingLR(optimizer, T_max=90)
scheduler = SequentialLR(optimizer, schedulers=[warmup, cosine], milestones=[10])

# 2. The training loop
for epoch in range(num_epochs):
    model.train()
    for batch_x, batch_y in train_loader:
        optimizer.zero_grad()
        output = model(batch_x)
        loss = criterion(output, batch_y)
        loss.backward()
        optimizer.step()

    scheduler.step()

    print(f"Epoch {epoch}, LR: {scheduler.get_last_lr()}")
