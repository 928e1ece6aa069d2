import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)

# Stand-ins for the notes' net, loss, optimizer, dataloader and writer.
net = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 4))
loss = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
dataloader = DataLoader(TensorDataset(torch.randn(40, 6), torch.randint(0, 4, (40,))), batch_size=8, shuffle=True)
writer = SummaryWriter()
print_every = 2

steps = 0
for epoch in range(5):
    running_loss = 0.0
    for i, (img, target) in enumerate(dataloader):
        output = net(img)
        loss_result = loss(output, target)
        optimizer.zero_grad()
        loss_result.backward()
        optimizer.step()

        running_loss += loss_result.item()
        steps += 1

        if (i + 1) % print_every == 0:
            avg_batch_loss = running_loss / (i + 1)
            writer.add_scalar('Batch/Avg_Loss', avg_batch_loss, steps)

    avg_epoch_loss = running_loss / len(dataloader)
    writer.add_scalar('Epoch/Avg_Loss', avg_epoch_loss, epoch)
    print(f"epoch {epoch}: steps={steps} avg_epoch_loss={avg_epoch_loss:.6f}")

writer.close()
