import torch

target = torch.tensor([3.0, -1.0])
p = torch.tensor([0.0, 0.0])
lr = 0.1
beta1 = 0.9
beta2 = 0.999
eps = 1e-8
m = torch.zeros(2)
v = torch.zeros(2)
history = []

for t in range(1, 6):
    g = 2 * (p - target)
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    p = p - lr * m_hat / (v_hat.sqrt() + eps)
    history.append(p.clone())

print(history[-1])
