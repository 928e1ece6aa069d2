import torch

torch.manual_seed(0)
x = torch.randn(64, 4)
y = x @ torch.tensor([[0.5], [-1.0], [2.0], [0.0]]) - 1.0


def build():
    torch.manual_seed(2)
    model = torch.nn.Linear(4, 1)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    return model, optimizer


def train(model, optimizer, steps):
    for _ in range(steps):
        loss = torch.nn.functional.mse_loss(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())


losses = []
model, optimizer = build()
train(model, optimizer, 100)
torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict()}, "checkpoint.pt")

# a new process would start here: build, restore, continue
model, optimizer = build()
checkpoint = torch.load("checkpoint.pt")
model.load_state_dict(checkpoint["model"])
optimizer.load_state_dict(checkpoint["optimizer"])
train(model, optimizer, 20)

print("before the break:", [f"{v:.1e}" for v in losses[96:100]])
print("after resuming:  ", [f"{v:.1e}" for v in losses[100:104]])
weight = model.weight.detach().clone()
bias = model.bias.detach().clone()
