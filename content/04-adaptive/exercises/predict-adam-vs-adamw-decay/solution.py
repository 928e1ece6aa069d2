import torch

answer = "b"

# the experiment: run it unchanged after choosing
results = {}
for name, optimizer_class in [("Adam", torch.optim.Adam), ("AdamW", torch.optim.AdamW)]:
    p = torch.tensor([2.0, 0.01], requires_grad=True)
    optimizer = optimizer_class([p], lr=0.1, weight_decay=0.1)
    optimizer.zero_grad()
    (0.0 * p).sum().backward()
    optimizer.step()
    results[name] = [round(v, 4) for v in p.tolist()]
print(results)
