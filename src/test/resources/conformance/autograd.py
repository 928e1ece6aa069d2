import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
z = (y ** 2).sum()
print(y.grad_fn is not None, y.requires_grad, y.is_leaf, x.is_leaf)
print(z.grad_fn.name(), y.grad_fn.name())
z.backward()
print(x.grad)
x.grad.zero_()
(x.exp().sum()).backward()
print(x.grad)
with torch.no_grad():
    w = x * 3
print(w.requires_grad, torch.is_grad_enabled())


@torch.no_grad()
def evaluate(t):
    return t * 2, torch.is_grad_enabled()


print(evaluate(x))
print(torch.is_grad_enabled())
torch.set_grad_enabled(False)
print((x * 2).requires_grad)
torch.set_grad_enabled(True)
with torch.set_grad_enabled(False):
    print((x + 1).requires_grad)
print((x + 1).requires_grad)
d = x.detach()
print(d.requires_grad, d)
p = torch.ones(2, requires_grad=True)
q = (p * torch.tensor([3.0, 4.0])).sum()
q.backward(retain_graph=True)
q.backward()
print(p.grad)
v = torch.ones(3, requires_grad=True)
out = v * 2
out.backward(torch.tensor([1.0, 0.5, 0.0]))
print(v.grad)
r = torch.tensor([2.0], requires_grad=True)
s = r ** 3
s.retain_grad()
(s * 2).sum().backward()
print(r.grad, s.grad)
print(torch.tensor(1.5).requires_grad_().requires_grad)
