"""Times the workloads of OptimizerStepBench (src/bench/java) on PyTorch, one thread: one Adam and one
SGD-momentum step over 10M float32 parameters, written as PyTorch 2.x's single-tensor optimizers run them.
Median of 7 rounds. Run: /usr/bin/python3 tools/bench/optimizer_bench.py"""
import statistics, time, torch
torch.set_num_threads(1)
torch.manual_seed(0)
N = 10_000_000
def median_ms(f):
    f(); f()
    times = []
    for _ in range(7):
        t0 = time.perf_counter(); f(); times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)
param, grad = torch.randn(N), torch.randn(N)
exp_avg, exp_avg_sq, buf = torch.zeros(N), torch.zeros(N), torch.randn(N)
step = [0]
@torch.no_grad()
def adam():
    step[0] += 1
    bias1 = 1 - 0.9 ** step[0]
    bias2_sqrt = (1 - 0.999 ** step[0]) ** 0.5
    exp_avg.lerp_(grad, 0.1)
    exp_avg_sq.mul_(0.999).addcmul_(grad, grad, value=0.001)
    denom = (exp_avg_sq.sqrt() / bias2_sqrt).add_(1e-8)
    param.addcdiv_(exp_avg, denom, value=-1e-3 / bias1)
@torch.no_grad()
def sgd():
    buf.mul_(0.9).add_(grad, alpha=1.0)
    param.add_(buf, alpha=-0.01)
for name, f in [("adamStep", adam), ("sgdMomentumStep", sgd),
                ("addcdiv_", lambda: buf.addcdiv_(grad, param, value=1e-9)),
                ("addcmul_", lambda: exp_avg_sq.addcmul_(grad, grad, value=0.001)),
                ("lerp_", lambda: exp_avg.lerp_(grad, 0.1)), ("div(scalar)", lambda: buf / 0.5),
                ("sqrt", lambda: exp_avg_sq.sqrt()), ("mul_(scalar)", lambda: buf.mul_(0.999))]:
    print("%-16s %8.2f ms" % (name, median_ms(f)))
