import torch

a = torch.tensor([1.0, 2.0, 3.0])
b = torch.tensor([1.0, 5.0, 3.0])
print(a != b)
print(a != 2.0)
print(2 != a)
print(1 == a)
print((a != b).sum().item())
s = torch.tensor(2.0)
print(s != 2, s != 3.0)
print(a in [a, b], b in (b, a))
print(s in [torch.tensor(1.0), torch.tensor(2.0)])
print(2 in [torch.tensor(1.0), torch.tensor(2.0)])
print(torch.tensor(7) in [1, 2, 3], torch.tensor(3) in (1, 2, 3))
print(2.0 in a, 4 in a, torch.tensor(3.0) in a, torch.tensor([1.0]) in a)
print(torch.tensor([9.0]) not in a)
m = torch.tensor([[1, 2], [3, 4]])
print(3 in m, 5 in m, torch.tensor([3, 4]) in m)
print([a] == [a], a in {a: 1})
try:
    print(b in [a, b])
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    print([a] == [b])
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    print("x" in a)
except RuntimeError as e:
    print("RuntimeError:", e)
print([torch.tensor(1.0), torch.tensor(2.0)].index(torch.tensor(2.0)))
print([torch.tensor(1.0), torch.tensor(2.0)].count(torch.tensor(1.0)))
