import torch

answer = "b"

# the experiment: run it unchanged after choosing
w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=2)
rates = []
for epoch, val_loss in enumerate([1.0, 0.8, 0.8, 0.79995, 0.81]):
    optimizer.step()
    scheduler.step(val_loss)
    rates.append(optimizer.param_groups[0]["lr"])
    print(epoch, val_loss, "-> lr", rates[-1], "| epochs without improvement:", scheduler.num_bad_epochs)
final_lr = rates[-1]
