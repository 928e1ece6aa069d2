import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self, hidden=5):
        super().__init__()
        self.fc1 = nn.Linear(3, hidden)
        self.fc2 = nn.Linear(hidden, 2)
        self.scale = 2.0

    def forward(self, x):
        x = F.relu(self.fc1(x))
        return self.fc2(x) * self.scale


torch.manual_seed(0)
net = Net()
print(net)
print(list(net.state_dict().keys()))
for name, p in net.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)
print(sum(p.numel() for p in net.parameters()))
x = torch.randn(4, 3)
out = net(x)
print(out)
target = torch.tensor([0, 1, 1, 0])
loss = F.cross_entropy(out, target)
loss.backward()
print(f"{loss.item():.6f}")
print(net.fc1.weight.grad)
net.eval()
print(net.training, net.fc1.training)
net.train()
net.zero_grad(set_to_none=True)
print(net.fc1.weight.grad)
state = net.state_dict()
other = Net()
print(other.load_state_dict(state))
print(torch.equal(other(x), net(x)))


class Wrapper(nn.Module):
    def __init__(self):
        super(Wrapper, self).__init__()
        self.body = nn.Sequential(Net(4), nn.Tanh())

    def forward(self, x):
        return self.body(x)


w = Wrapper()
print(w)
print([k for k in w.state_dict()])
print(w(x).shape)
