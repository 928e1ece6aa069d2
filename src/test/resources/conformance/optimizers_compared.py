import torch
from torch import nn, optim


def make_data():
    torch.manual_seed(0)
    x = torch.randn(32, 3)
    true_w = torch.tensor([[1.5], [-2.0], [0.7]])
    y = x @ true_w + 0.3 + 0.05 * torch.randn(32, 1)
    return x, y


def train(name, make_optimizer, steps=25):
    x, y = make_data()
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
    opt = make_optimizer(model.parameters())
    loss_fn = nn.MSELoss()
    for step in range(steps):
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
    print(f"{name:10s} final loss {loss.item():.4f}")


train("sgd", lambda p: optim.SGD(p, lr=0.05))
train("momentum", lambda p: optim.SGD(p, lr=0.05, momentum=0.9))
train("nesterov", lambda p: optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True))
train("wd", lambda p: optim.SGD(p, lr=0.05, weight_decay=0.01))
train("adam", lambda p: optim.Adam(p, lr=0.01))
train("amsgrad", lambda p: optim.Adam(p, lr=0.01, amsgrad=True))
train("adamw", lambda p: optim.AdamW(p, lr=0.01, weight_decay=0.1))
train("rmsprop", lambda p: optim.RMSprop(p, lr=0.01))
train("rmsprop_c", lambda p: optim.RMSprop(p, lr=0.01, momentum=0.5, centered=True))
train("adagrad", lambda p: optim.Adagrad(p, lr=0.1))
train("adadelta", lambda p: optim.Adadelta(p, lr=1.0))
train("adamax", lambda p: optim.Adamax(p, lr=0.02))
train("radam", lambda p: optim.RAdam(p, lr=0.01))
