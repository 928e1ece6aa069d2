import torch

torch.manual_seed(4)
x = torch.randn(16, 2)
y = x @ torch.tensor([[2.0], [-1.0]]) + 0.5
w = torch.zeros(2, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.1
for step in range(20):
    pred = x @ w + b
    loss = ((pred - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b.sub_(lr * b.grad)
    w.grad.zero_()
    b.grad = None
    if step % 5 == 4:
        print(step, f"{loss.item():.6f}", w.is_leaf, b.grad)
print(w.view(-1), b)
p = torch.nn.Parameter(torch.ones(3))
(p * 2).sum().backward()
p.data -= 0.5 * p.grad
p.grad.data.zero_()
print(p, p.grad)
scores = [torch.tensor(0.3), torch.tensor(0.9), torch.tensor(0.1)]
print(max(scores), sorted(scores), sum(scores), min(s.item() for s in scores))
print(f"{torch.tensor(2.5)}", f"{torch.tensor([1.0, 2.0])}", "{:.2f}".format(torch.tensor(0.123456)))
print(str(torch.tensor([1, 2])), repr(torch.tensor(1.0)), torch.tensor(1.0) == 1.0, 2.0 * torch.tensor(3.0) > 5)
