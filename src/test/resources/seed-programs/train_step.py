import torch
import torch.nn as nn

torch.manual_seed(0)

# Stand-ins for the chapter's model, data, optimizer and criterion.
model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))
inputs = torch.randn(32, 2)
targets = (inputs[:, :1] * 3 - inputs[:, 1:] * 2) + 0.5
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
criterion = nn.MSELoss()


def train_step(model, inputs, targets, optimizer, criterion):
    # 1. Forward
    outputs = model(inputs)
    loss = criterion(outputs, targets)

    # 2. Backward
    optimizer.zero_grad()
    loss.backward()

    # 3. Update
    optimizer.step()

    return loss.item()


# Cosine annealing, stepped once per epoch
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=100)

for epoch in range(100):
    loss = train_step(model, inputs, targets, optimizer, criterion)
    scheduler.step()
    if epoch % 20 == 19:
        print(epoch, f"{loss:.4f}", scheduler.get_last_lr())
