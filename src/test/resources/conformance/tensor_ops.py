import torch

torch.manual_seed(1)
a = torch.randn(2, 3)
b = torch.randn(2, 3)
print(a + b, a - 1, 2 * a, a / 2, 1 / (a.abs() + 1), a ** 2, 2 ** torch.tensor([1.0, 2.0]))
print(-a, abs(a), a > 0, a == a, (a > 0) & (b > 0))
print(torch.cat([a, b]), torch.cat((a, b), dim=1).shape, torch.stack([a, b]).shape)
print(torch.where(a > 0, a, torch.zeros_like(a)))
print(a.t(), a.T.shape, a.view(3, 2), a.reshape(-1), a.unsqueeze(0).shape, a.flatten())
print(a.permute(1, 0).shape, a.transpose(0, 1).contiguous().view(-1).shape, a.squeeze().shape)
print(a.sum(), a.sum(0), a.mean(dim=1, keepdim=True), a.max(), a.argmax(), a.argmax(dim=1), a.min(dim=0).values)
print(a.exp(), a.sigmoid(), a.tanh(), a.relu(), a.clamp(min=0), a.clamp(-0.5, 0.5))
print(torch.softmax(a, dim=1), torch.log_softmax(a, dim=-1))
print(a.norm(), a.norm(p=1), torch.matmul(a, b.t()), a @ b.T)
c = torch.zeros(3, 4)
c[1] = 1
c[:, 2] = torch.tensor([5.0, 6.0, 7.0])
c[c > 5] = -1
print(c)
c += 1
c *= 2
print(c, c.dtype)
i = torch.tensor([2, 0])
print(c[i], c[[0, 2]], c[1:, ::2], c[..., -1], c[None].shape)
x = torch.arange(6)
print(x, x.dtype, x * 1.5, x // 1 if False else x.float() / 4, x.tolist(), x.sum().item())
print(torch.full((2, 2), 7), torch.full((2,), 1.5), torch.ones(2, dtype=torch.float64), torch.zeros(2, dtype=torch.long))
print(torch.tensor([[1, 2], [3, 4]]).float().mean(), torch.tensor([True, False]), torch.tensor(3.5).item())
print(torch.randint(0, 10, (5,)), torch.randperm(6), torch.rand(2, 2), torch.randn(3).dtype)
print(torch.eye(3, 2), torch.linspace(-1, 1, steps=4), torch.arange(0, 1, 0.25))
print(x.numel(), a.dim(), a.size(), a.size(1), a.shape[0], len(a.shape), a.ndim)
print(a.detach().requires_grad, a.clone() is a, a.double().dtype, a.to(torch.float64).dtype, a.long())
