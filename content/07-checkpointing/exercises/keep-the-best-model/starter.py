import torch

torch.manual_seed(0)
x = torch.randn(64, 2)
y = x @ torch.tensor([[1.5], [-0.5]]) + 0.2
x_val = torch.randn(16, 2)
y_val = x_val @ torch.tensor([[1.5], [-0.5]]) + 0.2

torch.manual_seed(1)
model = torch.nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.75)

val_losses = []
best_loss = float("inf")
for epoch in range(10):
    loss = torch.nn.functional.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        val_loss = torch.nn.functional.mse_loss(model(x_val), y_val).item()
    val_losses.append(val_loss)
    if val_loss < best_loss:
        best_loss, best_epoch = val_loss, epoch
        best_state = model.state_dict()

# after training: go back to the best epoch's weights
model.load_state_dict(best_state)
restored_weight = model.weight.detach().clone()
with torch.no_grad():
    restored_loss = torch.nn.functional.mse_loss(model(x_val), y_val).item()
print("validation losses:", [round(v, 4) for v in val_losses])
print("best epoch", best_epoch, "with", round(best_loss, 4), "| restored model scores", round(restored_loss, 4))
