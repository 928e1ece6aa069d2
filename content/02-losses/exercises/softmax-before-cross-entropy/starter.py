import torch
import torch.nn as nn

x = torch.linspace(-2.0, 2.0, 12).unsqueeze(1)
labels = torch.tensor([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
w = torch.zeros(1, 3, requires_grad=True)
b = torch.zeros(3, requires_grad=True)
optimizer = torch.optim.SGD([w, b], lr=0.5)
loss_fn = nn.CrossEntropyLoss()

for step in range(100):
    optimizer.zero_grad()
    logits = x @ w + b
    probs = torch.softmax(logits, dim=1)
    loss = loss_fn(probs, labels)
    loss.backward()
    optimizer.step()

accuracy = ((x @ w + b).argmax(dim=1) == labels).float().mean().item()
print(f"loss {loss.item():.4f}  accuracy {accuracy:.2f}")
