import torch
import torch.nn as nn

torch.manual_seed(11)
model = nn.Linear(2, 1)
opt = torch.optim.Adam(model.parameters(), lr=0.1)
x = torch.randn(10, 2)
y = torch.randn(10, 1)
for _ in range(3):
    opt.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
torch.save({"model": model.state_dict(), "optimizer": opt.state_dict(), "epoch": 3}, "ckpt.pt")

restored = nn.Linear(2, 1)
ropt = torch.optim.Adam(restored.parameters(), lr=0.1)
ckpt = torch.load("ckpt.pt")
restored.load_state_dict(ckpt["model"])
ropt.load_state_dict(ckpt["optimizer"])
print(ckpt["epoch"], list(ckpt.keys()))
for m, o in ((model, opt), (restored, ropt)):
    o.zero_grad()
    loss = ((m(x) - y) ** 2).mean()
    loss.backward()
    o.step()
    print(f"{loss.item():.6f}", m.weight.data)
