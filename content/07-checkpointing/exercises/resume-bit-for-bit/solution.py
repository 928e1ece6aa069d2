import torch

torch.manual_seed(0)
x = torch.randn(32, 3)
y = x @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.3


def build():
    torch.manual_seed(1)
    model = torch.nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.5)
    return model, optimizer, scheduler


def train_epoch(model, optimizer, scheduler):
    loss = torch.nn.functional.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    scheduler.step()


# the first session: 4 of the 8 epochs, then the job is stopped
model, optimizer, scheduler = build()
for epoch in range(4):
    train_epoch(model, optimizer, scheduler)
checkpoint = {
    "epoch": epoch,
    "model": model.state_dict(),
    "optimizer": optimizer.state_dict(),
    "scheduler": scheduler.state_dict(),
}
torch.save(checkpoint, "checkpoint.pt")

# the second session: everything is built anew, then restored from the file
model, optimizer, scheduler = build()
checkpoint = torch.load("checkpoint.pt")
model.load_state_dict(checkpoint["model"])
optimizer.load_state_dict(checkpoint["optimizer"])
scheduler.load_state_dict(checkpoint["scheduler"])
start_epoch = checkpoint["epoch"] + 1
for epoch in range(start_epoch, 8):
    train_epoch(model, optimizer, scheduler)

weight = model.weight.detach().clone()
bias = model.bias.detach().clone()
print("after 8 epochs:", weight, bias, optimizer.param_groups[0]["lr"])
