import torch
torch.manual_seed(0)
x = torch.randn(3, 2)
print(x)
w = torch.zeros(2, 1, requires_grad=True)
b = torch.tensor([0.5], requires_grad=True)
y = x @ w + b
loss = ((y - 1) ** 2).mean()
loss.backward()
print(loss, loss.grad_fn.name())
print(w.grad, b.grad)
print(f"{loss:.4f}", f"{loss.item():.6f}")
with torch.no_grad():
    w -= 0.1 * w.grad
    w.grad.zero_()
print(w, w.is_leaf, w.requires_grad)
print(x[:, 0], x[..., 1], x[x > 0], x.shape, x.dtype, x.size(0), len(x))
print(torch.arange(5), torch.linspace(0, 1, 5), torch.eye(2))
a = torch.ones(2, 3)
a[0, 1] = 5
print(a, a.sum(dim=1), a.mean(), a.max(dim=1))
print(float(loss), int(torch.tensor(3)), torch.tensor([1,2,3]).tolist())
for row in a:
    print(row)
if torch.tensor(True):
    print("yes")
try:
    if a: pass
except RuntimeError as e:
    print("RuntimeError:", e)
print(torch.cuda.is_available(), torch.device("cpu"), a.to("cpu").dtype, a.long().dtype)
