import torch

answer = None  # your choice: "a", "b", "c" or "d"

# the experiment: run it unchanged after choosing
torch.manual_seed(0)
x = torch.randn(32, 3)
y = x @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.3


def build():
    torch.manual_seed(1)
    model = torch.nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.1)
    return model, optimizer, scheduler


model, optimizer, scheduler = build()
for epoch in range(4):
    loss = torch.nn.functional.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    scheduler.step()
torch.save(model.state_dict(), "model.pt")
buffers_before = len(optimizer.state_dict()["state"])
lr_before = optimizer.param_groups[0]["lr"]

model, optimizer, scheduler = build()
model.load_state_dict(torch.load("model.pt"))
buffers_after = len(optimizer.state_dict()["state"])
lr_after = optimizer.param_groups[0]["lr"]
print("momentum buffers:", buffers_before, "->", buffers_after)
print("learning rate:   ", round(lr_before, 6), "->", round(lr_after, 6))
