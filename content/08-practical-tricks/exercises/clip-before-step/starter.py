import torch

w = torch.tensor([2.5, -2.0], requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)

for step in range(40):
    optimizer.zero_grad()
    loss = (w.pow(2) - 1).pow(2).sum()
    loss.backward()
    optimizer.step()
    torch.nn.utils.clip_grad_norm_([w], max_norm=1.0)
    if step % 5 == 0:
        print(step, f"{loss.item():.3g}")

print("w =", w.tolist())
