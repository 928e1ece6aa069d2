"""Times the workloads of tools/bench/TensorBench.java on PyTorch, one thread. Run: /usr/bin/python3 tools/bench/tensor_bench.py"""
import time, torch
torch.set_num_threads(1)
def t(f, reps):
    for _ in range(max(3, reps//5)): f()
    best = 1e9
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(reps): f()
        best = min(best, (time.perf_counter()-t0)/reps)
    return best*1e6
a, b = torch.randn(1_000_000), torch.randn(1_000_000)
print("add 1M: %.1f us" % t(lambda: a + b, 50))
print("mul 1M: %.1f us" % t(lambda: a * b, 50))
print("exp 1M: %.1f us" % t(lambda: a.exp(), 50))
def addi():
    with torch.no_grad(): a.add_(b, alpha=0.001)
print("add_ 1M no_grad: %.1f us" % t(addi, 50))
m = torch.randn(512, 512)
print("matmul 512: %.1f us" % t(lambda: m @ m, 5))
s1, s2 = torch.randn(10), torch.randn(10)
print("small add (10): %.2f us" % t(lambda: s1 + s2, 200000))
w = torch.randn(10, requires_grad=True)
print("small mul+sum+backward (10): %.2f us" % t(lambda: (w * s1).sum().backward(), 50000))
x = torch.randn(64, 784)
w1 = (torch.randn(256, 784)*0.03).requires_grad_(); b1 = torch.zeros(256, requires_grad=True)
w2 = (torch.randn(10, 256)*0.06).requires_grad_(); b2 = torch.zeros(10, requires_grad=True)
rows = torch.arange(64)
y = torch.randint(0, 10, (64,))
def mlp():
    h = (x @ w1.t() + b1).relu()
    logp = (h @ w2.t() + b2).log_softmax(1)
    loss = -logp[rows, y].mean()
    loss.backward()
print("MLP 784-256-10 b64 fwd+bwd: %.1f us" % t(mlp, 30))
sq = torch.randn(1000, 1000)
print("sum 1M: %.1f us" % t(lambda: a.sum(), 50))
print("sum(0) 1000x1000: %.1f us" % t(lambda: sq.sum(0), 50))
