import torch
import torch.nn as nn
from torch import optim

torch.manual_seed(0)


# A small stand-in for torchvision's resnet18: the two parts the examples address by name.
class SmallNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer4 = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 8))
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc(self.layer4(x))


model = SmallNet()

optimizer = torch.optim.Adam([
    {"params": model.layer4.parameters(), "lr": 1e-4},
    {"params": model.fc.parameters(), "lr": 1e-3},
], lr=1e-5)

for i, group in enumerate(optimizer.param_groups):
    print(f"Group {i}: lr={group['lr']}, weight_decay={group['weight_decay']}")

optimizer.param_groups[0]["lr"] = 5e-5

for i, group in enumerate(optimizer.param_groups):
    print(f"Group {i}: lr={group['lr']}, weight_decay={group['weight_decay']}")


# The per-layer example from the torch.optim docs: model.base and model.classifier.
class BaseAndClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.base = nn.Linear(4, 4)
        self.classifier = nn.Linear(4, 2)

    def forward(self, x):
        return self.classifier(torch.relu(self.base(x)))


model = BaseAndClassifier()
sgd = optim.SGD([
    {'params': model.base.parameters(), 'lr': 1e-2},
    {'params': model.classifier.parameters()},
], lr=1e-3, momentum=0.9)

for i, group in enumerate(sgd.param_groups):
    print(f"Group {i}: lr={group['lr']}, momentum={group['momentum']}, params={len(group['params'])}")

x = torch.randn(5, 4)
target = torch.randn(5, 2)
for step in range(3):
    sgd.zero_grad()
    loss = nn.functional.mse_loss(model(x), target)
    loss.backward()
    sgd.step()
    print(f"step {step}: loss={loss.item():.6f}")
print(model.base.bias)
print(model.classifier.bias)
