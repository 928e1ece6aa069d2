import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)


# A stand-in for the notes' model: a base and a classifier.
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.base = nn.Linear(3, 4)
        self.classifier = nn.Linear(4, 2)

    def forward(self, x):
        return self.classifier(torch.relu(self.base(x)))


model = Net()

# Weight decay on the weights only: the biases get 0
bias_params = [p for name, p in model.named_parameters() if 'bias' in name]
others = [p for name, p in model.named_parameters() if 'bias' not in name]
optimizer = optim.SGD([{'params': others},
                       {'params': bias_params, 'weight_decay': 0}
                       ], weight_decay=1e-2, lr=1e-2)

for group in optimizer.param_groups:
    print(len(group['params']), group['lr'], group['weight_decay'], group['momentum'])

x = torch.randn(6, 3)
target = torch.randn(6, 2)
for step in range(4):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), target)
    loss.backward()
    optimizer.step()
    print(f"{loss.item():.6f}")
print(model.base.weight)
print(model.classifier.bias)
