import torch
from torch.optim.lr_scheduler import StepLR, CosineAnnealingLR, LambdaLR, LinearLR, SequentialLR, ExponentialLR


def run(name, make, steps=8):
    w = torch.nn.Parameter(torch.ones(2))
    opt = torch.optim.SGD([w], lr=0.1)
    sched = make(opt)
    lrs = []
    for _ in range(steps):
        opt.zero_grad()
        (w ** 2).sum().backward()
        opt.step()
        sched.step()
        lrs.append(round(sched.get_last_lr()[0], 6))
    print(name, lrs)


run("step", lambda o: StepLR(o, step_size=3, gamma=0.5))
run("cosine", lambda o: CosineAnnealingLR(o, T_max=8, eta_min=0.001))
run("lambda", lambda o: LambdaLR(o, lr_lambda=lambda epoch: 1.0 / (epoch + 1)))
run("exp", lambda o: ExponentialLR(o, gamma=0.9))
run("warmup", lambda o: SequentialLR(o, schedulers=[LinearLR(o, start_factor=0.1, total_iters=3),
                                                    CosineAnnealingLR(o, T_max=5)], milestones=[3]))
