import torch
import torch.nn as nn

torch.manual_seed(5)
n = 60
x = torch.randn(n, 2)
labels = ((x[:, 0] + x[:, 1]) > 0).long()
model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2))
loss_fn = nn.CrossEntropyLoss()
opt = torch.optim.Adam(model.parameters(), lr=0.05)
for epoch in range(40):
    logits = model(x)
    loss = loss_fn(logits, labels)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 10 == 9:
        with torch.no_grad():
            acc = (model(x).argmax(dim=1) == labels).float().mean()
        print(f"epoch {epoch + 1} loss {loss.item():.6f} acc {acc.item():.4f}")
probs = torch.softmax(model(x[:3]), dim=1)
print(probs)
print(probs.sum(dim=1))
