import torch

torch.manual_seed(3)
x = torch.randn(50, 2)
y = (x[:, 0] * 2.0 - x[:, 1] + 1.0).unsqueeze(1)
model = torch.nn.Linear(2, 1)
opt = torch.optim.LBFGS(model.parameters(), lr=1, max_iter=20)
loss_fn = torch.nn.MSELoss()
calls = 0


def closure():
    global calls
    calls += 1
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    return loss


for i in range(3):
    loss = opt.step(closure)
    print(f"step {i} loss {loss.item():.6f}")
print("closure calls", calls)
print(f"{model.weight[0, 0].item():.4f} {model.weight[0, 1].item():.4f} {model.bias.item():.4f}")
