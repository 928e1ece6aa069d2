import torch
from torch.optim import lr_scheduler as S


def lrs(make, steps=10, metric=None):
    w = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([w], lr=1.0, momentum=0.9)
    sched = make(opt)
    out = []
    for i in range(steps):
        opt.step()
        if metric is not None:
            sched.step(metric[i])
        else:
            sched.step()
        out.append(f"{opt.param_groups[0]['lr']:.5f}")
    return " ".join(out)


print(lrs(lambda o: S.MultiStepLR(o, milestones=[2, 5], gamma=0.1)))
print(lrs(lambda o: S.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2)))
print(lrs(lambda o: S.OneCycleLR(o, max_lr=0.5, total_steps=11)))
print(lrs(lambda o: S.ConstantLR(o, factor=0.5, total_iters=3)))
print(lrs(lambda o: S.PolynomialLR(o, total_iters=6, power=2.0)))
print(lrs(lambda o: S.MultiplicativeLR(o, lr_lambda=lambda e: 0.9)))
print(lrs(lambda o: S.ReduceLROnPlateau(o, patience=1, factor=0.5), metric=[5, 4, 4, 4, 4, 3, 3, 3, 3, 3]))
print(lrs(lambda o: S.CyclicLR(o, base_lr=0.1, max_lr=1.0, step_size_up=3)))
