import torch

lr = 0.1          # tune me
max_norm = 2.0    # or a number, to clip the gradient norm

w = torch.tensor([3.0, -2.5], requires_grad=True)
optimizer = torch.optim.SGD([w], lr=lr)

for step in range(20):
    optimizer.zero_grad()
    loss = (w.pow(2) - 1).pow(2).sum()
    loss.backward()
    if max_norm is not None:
        torch.nn.utils.clip_grad_norm_([w], max_norm=max_norm)
    optimizer.step()
    print(step, f"{loss.item():.3g}")
