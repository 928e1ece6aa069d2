import torch

answer = None  # your choice: "a", "b", "c" or "d"

# the experiment: run it unchanged after choosing
w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=10)
rates = []
for epoch in range(15):
    rates.append(optimizer.param_groups[0]["lr"])
    optimizer.step()
    scheduler.step()
after_15 = optimizer.param_groups[0]["lr"]
print("lr after 15 calls:", round(after_15, 6))
print("the whole curve:", [round(r, 4) for r in rates])
