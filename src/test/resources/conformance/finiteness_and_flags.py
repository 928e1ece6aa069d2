import torch

x = torch.tensor([1.0, float("inf"), float("nan"), -2.0])
print(torch.isfinite(x))
print(torch.isnan(x))
print(torch.isinf(x))
print(bool(torch.isfinite(x).all()), bool(torch.isnan(x).any()))
print(bool(torch.tensor([1.0, 2.0]).all()), bool(torch.zeros(3).any()))

w = torch.tensor([1.0, -2.0], requires_grad=True)
for flags in ({}, {"foreach": False}, {"foreach": True, "maximize": False}):
    opt = torch.optim.Adam([w], lr=0.1, **flags)
    print(sorted(k for k in flags), opt.param_groups[0]["lr"])

opt = torch.optim.SGD([w], lr=0.5)
plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=1)
for loss in [1.0, 0.9, 0.95, 0.97, 0.99]:
    plateau.step(loss)
    print(loss, plateau.num_bad_epochs, plateau.best, opt.param_groups[0]["lr"])
