import torch

x = torch.linspace(0.0, 10.0, 32).unsqueeze(1)
y = 0.3 * x + 0.5
w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.LBFGS([w, b], lr=1, max_iter=20, history_size=10, line_search_fn="strong_wolfe")


def closure():
    optimizer.zero_grad()
    loss = ((x @ w + b - y) ** 2).mean()
    # what else must the closure do before it returns?
    return loss


for step in range(3):
    optimizer.step(closure)

final_loss = ((x @ w + b - y) ** 2).mean().item()
print(f"w={w.item():.4f} b={b.item():.4f} loss={final_loss:.6f}")
