"""Records torch.optim.lr_scheduler learning-rate (and momentum) curves from real PyTorch.

Run with Debian's PyTorch: /usr/bin/python3 tools/golden/gen_lr_scheduler.py
Writes src/test/resources/golden/lr_scheduler/schedules.json. Learning rates are Python floats (doubles);
lambdas are named so the Java tests can supply the same functions.
"""
import json
import math
import os
import warnings

import torch
from torch.optim import lr_scheduler

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "lr_scheduler")

LAMBDAS = {
    "pow095": lambda e: 0.95 ** e,
    "inverse": lambda e: 1.0 / (e + 1),
    "halve_every_10": lambda e: 0.5 ** (e // 10),
    "warmup_5": lambda e: min(1.0, (e + 1) / 5),
    "const095": lambda e: 0.95,
    "alternate": lambda e: 0.9 if e % 2 else 1.05,
}


def with_initial_mode(cls, keeps_lr):
    """A 1.13 scheduler given 2.x's _initial_mode: 2.x sets _is_initial during the constructor's step, and the
    schedulers named in INITIAL_MODE then return the current lrs instead of stepping (so a scheduler built with
    last_epoch does not move the lr one step ahead). keeps_lr(self) is 2.x's condition, ported line by line."""

    class Derived(cls):
        _is_initial = False

        def _initial_step(self):
            self._is_initial = True
            try:
                super()._initial_step()
            finally:
                self._is_initial = False

        def get_lr(self):
            if keeps_lr(self):
                return [group["lr"] for group in self.optimizer.param_groups]
            return super().get_lr()

    Derived.__name__ = cls.__name__
    return Derived


INITIAL_MODE = {
    "ExponentialLR": lambda s: s._is_initial,
    "CosineAnnealingLR": lambda s: s._is_initial,
    "PolynomialLR": lambda s: s._is_initial,
    "MultiplicativeLR": lambda s: s._is_initial,
    "LinearLR": lambda s: s._is_initial and s.last_epoch != 0,
}
INITIAL_MODE_NOTE = ("2.x builds a scheduler with last_epoch >= 0 without moving the lr (its _is_initial mode); "
                     "1.13 steps it once; expected values from 1.13's scheduler with 2.x's _is_initial check")


def make_optimizer(spec):
    params = [torch.zeros(1, requires_grad=True) for _ in spec["lrs"]]
    groups = [{"params": [p], "lr": lr} for p, lr in zip(params, spec["lrs"])]
    if spec["type"] == "SGD":
        return torch.optim.SGD(groups, lr=spec["lrs"][0], momentum=spec.get("momentum", 0.0))
    return torch.optim.Adam(groups, lr=spec["lrs"][0], betas=tuple(spec.get("betas", (0.9, 0.999))))


def make_scheduler(name, kwargs, optimizer, derived=False):
    kw = dict(kwargs)
    for key in ("lr_lambda",):
        if key in kw:
            kw[key] = [LAMBDAS[n] for n in kw[key]] if isinstance(kw[key], list) else LAMBDAS[kw[key]]
    if name in ("ChainedScheduler", "SequentialLR"):
        inner = [make_scheduler(s["scheduler"], s["kwargs"], optimizer) for s in kw.pop("schedulers")]
        if name == "ChainedScheduler":
            return lr_scheduler.ChainedScheduler(inner)
        return lr_scheduler.SequentialLR(optimizer, inner, **kw)
    cls = getattr(lr_scheduler, name)
    if derived and name in INITIAL_MODE:
        cls = with_initial_mode(cls, INITIAL_MODE[name])
    return cls(optimizer, **kw)


def snapshot(optimizer):
    record = {"lr": [g["lr"] for g in optimizer.param_groups]}
    if "momentum" in optimizer.param_groups[0]:
        record["momentum"] = [g["momentum"] for g in optimizer.param_groups]
    if "betas" in optimizer.param_groups[0]:
        record["beta1"] = [g["betas"][0] for g in optimizer.param_groups]
    return record


def run(name, scheduler, kwargs, steps, optimizer=None, metrics=None, resume_at=None, preset_initial_lr=False,
        epochs=None):
    spec = optimizer or {"type": "SGD", "lrs": [0.1], "momentum": 0.9}
    opt = make_optimizer(spec)
    if preset_initial_lr:
        for group in opt.param_groups:
            group["initial_lr"] = group["lr"]
    derived = preset_initial_lr and scheduler in INITIAL_MODE
    sched = make_scheduler(scheduler, kwargs, opt, derived)
    records = [snapshot(opt)]
    last_lrs = [list(sched.get_last_lr())] if scheduler != "ReduceLROnPlateau" else None
    for step in range(steps):
        if resume_at is not None and step == resume_at:
            opt_state, sched_state = opt.state_dict(), sched.state_dict()
            if scheduler == "CyclicLR":
                # 2.x leaves the weak reference out of the state dict; 1.13 saves it and fails after loading.
                sched_state.pop("_scale_fn_ref", None)
            opt = make_optimizer(spec)
            opt.load_state_dict(opt_state)
            sched = make_scheduler(scheduler, kwargs, opt)
            sched.load_state_dict(sched_state)
        opt.step()
        if metrics is not None:
            sched.step(metrics[step])
        elif epochs is not None:
            sched.step(epochs[step])
        else:
            sched.step()
        records.append(snapshot(opt))
        if last_lrs is not None:
            last_lrs.append(list(sched.get_last_lr()))
    case = {"name": name, "scheduler": scheduler, "kwargs": kwargs, "optimizer": spec, "steps": steps,
            "records": records}
    if last_lrs is not None:
        case["last_lr"] = last_lrs
    if metrics is not None:
        case["metrics"] = metrics
    if epochs is not None:
        case["epochs"] = epochs
    if resume_at is not None:
        case["resume_at"] = resume_at
    if preset_initial_lr:
        case["preset_initial_lr"] = True
    if derived:
        case["derived"] = True
        case["note"] = INITIAL_MODE_NOTE
    if resume_at is not None and scheduler == "CyclicLR":
        case["derived"] = True
        case["note"] = ("2.x drops CyclicLR's _scale_fn_ref from state_dict; 1.13 saves the weak reference and fails "
                        "once the old scheduler is gone, so the generator drops it as 2.x does")
    return case


def plateau_metric(n):
    values = []
    for i in range(n):
        base = 1.0 / (1 + 0.2 * i) if i < 30 else 1.0 / 7
        values.append(base + (0.002 * ((i * 7) % 5) if i >= 30 else 0.0))
    return values


def cases():
    two = {"type": "SGD", "lrs": [0.1, 0.02], "momentum": 0.9}
    c = []
    add = lambda *a, **k: c.append(run(*a, **k))
    add("LambdaLR pow", "LambdaLR", {"lr_lambda": "pow095"}, 120)
    add("LambdaLR per group", "LambdaLR", {"lr_lambda": ["inverse", "halve_every_10"]}, 120, optimizer=two)
    add("LambdaLR warmup", "LambdaLR", {"lr_lambda": "warmup_5"}, 100)
    add("MultiplicativeLR constant", "MultiplicativeLR", {"lr_lambda": "const095"}, 120)
    add("MultiplicativeLR alternate", "MultiplicativeLR", {"lr_lambda": "alternate"}, 100, optimizer=two)
    add("StepLR", "StepLR", {"step_size": 30, "gamma": 0.1}, 120)
    add("StepLR two groups", "StepLR", {"step_size": 7, "gamma": 0.5}, 100, optimizer=two)
    add("MultiStepLR", "MultiStepLR", {"milestones": [30, 80, 80, 95], "gamma": 0.1}, 120)
    add("ConstantLR default", "ConstantLR", {}, 100)
    add("ConstantLR factor", "ConstantLR", {"factor": 0.5, "total_iters": 10}, 100, optimizer=two)
    add("LinearLR default", "LinearLR", {}, 100)
    add("LinearLR warmup", "LinearLR", {"start_factor": 0.1, "end_factor": 1.0, "total_iters": 20}, 100)
    add("LinearLR decay", "LinearLR", {"start_factor": 1.0, "end_factor": 0.05, "total_iters": 40}, 100, optimizer=two)
    add("ExponentialLR", "ExponentialLR", {"gamma": 0.97}, 150)
    add("PolynomialLR default", "PolynomialLR", {}, 100)
    add("PolynomialLR power 2", "PolynomialLR", {"total_iters": 60, "power": 2.0}, 100)
    add("PolynomialLR power half", "PolynomialLR", {"total_iters": 40, "power": 0.5}, 100, optimizer=two)
    add("CosineAnnealingLR", "CosineAnnealingLR", {"T_max": 50}, 150)
    add("CosineAnnealingLR eta_min", "CosineAnnealingLR", {"T_max": 30, "eta_min": 0.001}, 120, optimizer=two)
    add("ChainedScheduler", "ChainedScheduler", {"schedulers": [
        {"scheduler": "ConstantLR", "kwargs": {"factor": 0.1, "total_iters": 5}},
        {"scheduler": "ExponentialLR", "kwargs": {"gamma": 0.95}}]}, 100)
    add("ChainedScheduler step and cosine", "ChainedScheduler", {"schedulers": [
        {"scheduler": "StepLR", "kwargs": {"step_size": 10, "gamma": 0.5}},
        {"scheduler": "LinearLR", "kwargs": {"start_factor": 0.5, "total_iters": 8}}]}, 100, optimizer=two)
    add("SequentialLR warmup then cosine", "SequentialLR", {"schedulers": [
        {"scheduler": "LinearLR", "kwargs": {"start_factor": 0.1, "total_iters": 10}},
        {"scheduler": "CosineAnnealingLR", "kwargs": {"T_max": 90}}], "milestones": [10]}, 120)
    add("SequentialLR three phases", "SequentialLR", {"schedulers": [
        {"scheduler": "ConstantLR", "kwargs": {"factor": 0.1, "total_iters": 5}},
        {"scheduler": "ExponentialLR", "kwargs": {"gamma": 0.9}},
        {"scheduler": "StepLR", "kwargs": {"step_size": 10, "gamma": 0.5}}], "milestones": [5, 40]}, 110, optimizer=two)
    metric = plateau_metric(120)
    add("ReduceLROnPlateau default", "ReduceLROnPlateau", {}, 120, metrics=metric)
    add("ReduceLROnPlateau min abs", "ReduceLROnPlateau",
        {"mode": "min", "factor": 0.5, "patience": 3, "threshold": 0.01, "threshold_mode": "abs"}, 120, metrics=metric)
    add("ReduceLROnPlateau max rel cooldown", "ReduceLROnPlateau",
        {"mode": "max", "factor": 0.5, "patience": 2, "cooldown": 3, "min_lr": 0.001}, 120,
        metrics=[-m for m in metric])
    add("ReduceLROnPlateau max abs min_lr per group", "ReduceLROnPlateau",
        {"mode": "max", "factor": 0.3, "patience": 1, "threshold": 0.001, "threshold_mode": "abs",
         "min_lr": [0.001, 0.0005]}, 120, optimizer=two, metrics=[-m for m in metric])
    add("ReduceLROnPlateau eps stops tiny updates", "ReduceLROnPlateau",
        {"factor": 0.5, "patience": 0, "eps": 0.01}, 100, optimizer={"type": "SGD", "lrs": [0.1, 0.05]},
        metrics=[1.0] * 100)
    add("CyclicLR triangular", "CyclicLR", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 10}, 120)
    add("CyclicLR triangular2 asymmetric", "CyclicLR",
        {"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 5, "step_size_down": 15, "mode": "triangular2"}, 120)
    add("CyclicLR exp_range", "CyclicLR",
        {"base_lr": [0.01, 0.002], "max_lr": [0.1, 0.05], "step_size_up": 8, "mode": "exp_range", "gamma": 0.98},
        120, optimizer=two)
    add("CyclicLR without momentum cycling", "CyclicLR",
        {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 6, "cycle_momentum": False}, 100)
    add("CyclicLR momentum bounds", "CyclicLR",
        {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 6, "base_momentum": 0.7, "max_momentum": 0.95}, 100)
    add("OneCycleLR cos", "OneCycleLR", {"max_lr": 0.1, "total_steps": 100}, 99)
    add("OneCycleLR linear", "OneCycleLR",
        {"max_lr": 0.1, "total_steps": 100, "anneal_strategy": "linear", "pct_start": 0.25}, 99)
    add("OneCycleLR three phase", "OneCycleLR",
        {"max_lr": [0.1, 0.05], "epochs": 10, "steps_per_epoch": 12, "three_phase": True,
         "div_factor": 10.0, "final_div_factor": 100.0}, 119, optimizer=two)
    add("OneCycleLR Adam betas", "OneCycleLR", {"max_lr": 0.01, "total_steps": 110, "base_momentum": 0.8,
        "max_momentum": 0.9}, 109, optimizer={"type": "Adam", "lrs": [0.001]})
    add("OneCycleLR without momentum cycling", "OneCycleLR",
        {"max_lr": 0.1, "total_steps": 100, "cycle_momentum": False}, 99)
    add("CosineAnnealingWarmRestarts", "CosineAnnealingWarmRestarts", {"T_0": 10}, 120)
    add("CosineAnnealingWarmRestarts T_mult", "CosineAnnealingWarmRestarts",
        {"T_0": 5, "T_mult": 2, "eta_min": 0.001}, 160, optimizer=two)
    add("StepLR resumed from state_dict", "StepLR", {"step_size": 10, "gamma": 0.5}, 100, resume_at=37)
    add("CosineAnnealingLR resumed from state_dict", "CosineAnnealingLR", {"T_max": 40}, 120, resume_at=55)
    add("OneCycleLR resumed from state_dict", "OneCycleLR", {"max_lr": 0.1, "total_steps": 100}, 99, resume_at=40)
    add("ReduceLROnPlateau resumed from state_dict", "ReduceLROnPlateau", {"patience": 3, "cooldown": 2}, 120,
        metrics=metric, resume_at=45)
    add("SequentialLR resumed from state_dict", "SequentialLR", {"schedulers": [
        {"scheduler": "LinearLR", "kwargs": {"start_factor": 0.1, "total_iters": 10}},
        {"scheduler": "CosineAnnealingLR", "kwargs": {"T_max": 90}}], "milestones": [10]}, 120, resume_at=25)
    add("ChainedScheduler resumed from state_dict", "ChainedScheduler", {"schedulers": [
        {"scheduler": "ConstantLR", "kwargs": {"factor": 0.1, "total_iters": 5}},
        {"scheduler": "ExponentialLR", "kwargs": {"gamma": 0.95}}]}, 100, resume_at=3)
    add("CyclicLR resumed from state_dict", "CyclicLR",
        {"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 5, "step_size_down": 15, "mode": "triangular2"}, 120,
        resume_at=33)
    add("CosineAnnealingWarmRestarts resumed from state_dict", "CosineAnnealingWarmRestarts",
        {"T_0": 5, "T_mult": 2, "eta_min": 0.001}, 160, optimizer=two, resume_at=70)
    add("LambdaLR resumed from state_dict", "LambdaLR", {"lr_lambda": ["inverse", "halve_every_10"]}, 120,
        optimizer=two, resume_at=50)
    add("StepLR built with last_epoch", "StepLR", {"step_size": 10, "gamma": 0.5, "last_epoch": 24}, 100,
        preset_initial_lr=True)
    add("ExponentialLR built with last_epoch", "ExponentialLR", {"gamma": 0.9, "last_epoch": 9}, 100,
        preset_initial_lr=True)
    add("CosineAnnealingLR built with last_epoch", "CosineAnnealingLR", {"T_max": 20, "last_epoch": 5}, 100,
        preset_initial_lr=True)
    add("LinearLR built with last_epoch", "LinearLR", {"start_factor": 0.2, "total_iters": 30, "last_epoch": 10}, 100,
        preset_initial_lr=True)
    add("PolynomialLR built with last_epoch", "PolynomialLR", {"total_iters": 50, "power": 2.0, "last_epoch": 20},
        100, preset_initial_lr=True)
    add("MultiplicativeLR built with last_epoch", "MultiplicativeLR", {"lr_lambda": "const095", "last_epoch": 3},
        100, preset_initial_lr=True)
    jumps = [3, 7, 7, 12, 30, 29, 45, 0, 80, 81, 64, 100, 5, 55, 120, 33, 34, 35, 90, 10]
    for scheduler, kw in [("StepLR", {"step_size": 10, "gamma": 0.5}), ("MultiStepLR", {"milestones": [10, 30, 30, 60]}),
                          ("ConstantLR", {"factor": 0.25, "total_iters": 30}),
                          ("LinearLR", {"start_factor": 0.1, "total_iters": 50}),
                          ("ExponentialLR", {"gamma": 0.97}), ("PolynomialLR", {"total_iters": 90, "power": 1.5}),
                          ("CosineAnnealingLR", {"T_max": 40, "eta_min": 0.002}), ("LambdaLR", {"lr_lambda": "pow095"})]:
        add(scheduler + " stepped to explicit epochs", scheduler, kw, len(jumps), optimizer=two, epochs=jumps)
    fractional = [e + i / 4 for e in range(30) for i in range(4)]
    add("CosineAnnealingWarmRestarts fractional epochs", "CosineAnnealingWarmRestarts", {"T_0": 7}, len(fractional),
        epochs=fractional)
    add("CosineAnnealingWarmRestarts T_mult fractional epochs", "CosineAnnealingWarmRestarts",
        {"T_0": 3, "T_mult": 2, "eta_min": 0.01}, len(fractional), optimizer=two, epochs=fractional)
    return c


def errors():
    """Constructor errors as str(e) from 1.13, plus the messages 2.x reworded (taken from 2.x's source)."""
    recorded = []

    def err(name, scheduler, kwargs, spec=None):
        opt = make_optimizer(spec or {"type": "SGD", "lrs": [0.1], "momentum": 0.9})
        try:
            make_scheduler(scheduler, kwargs, opt)
        except (ValueError, TypeError) as e:
            recorded.append({"name": name, "scheduler": scheduler, "kwargs": kwargs, "optimizer": spec,
                             "type": type(e).__name__, "message": str(e)})
            return
        raise AssertionError(name)

    err("ConstantLR factor above one", "ConstantLR", {"factor": 2.0})
    err("LinearLR end factor above one", "LinearLR", {"end_factor": 1.5})
    err("ReduceLROnPlateau factor of one", "ReduceLROnPlateau", {"factor": 1.0})
    err("ReduceLROnPlateau unknown mode", "ReduceLROnPlateau", {"mode": "avg"})
    err("ReduceLROnPlateau unknown threshold mode", "ReduceLROnPlateau", {"threshold_mode": "pct"})
    err("ReduceLROnPlateau min_lr per group of the wrong length", "ReduceLROnPlateau", {"min_lr": [0.1, 0.2]})
    err("CosineAnnealingWarmRestarts T_0 of zero", "CosineAnnealingWarmRestarts", {"T_0": 0})
    err("CosineAnnealingWarmRestarts T_mult of zero", "CosineAnnealingWarmRestarts", {"T_0": 5, "T_mult": 0})
    err("OneCycleLR without a length", "OneCycleLR", {"max_lr": 0.1})
    err("OneCycleLR with zero total steps", "OneCycleLR", {"max_lr": 0.1, "total_steps": 0})
    err("OneCycleLR with zero epochs", "OneCycleLR", {"max_lr": 0.1, "epochs": 0, "steps_per_epoch": 5})
    err("OneCycleLR with pct_start above one", "OneCycleLR", {"max_lr": 0.1, "total_steps": 10, "pct_start": 1.5})
    err("CyclicLR with an unknown mode", "CyclicLR", {"base_lr": 0.01, "max_lr": 0.1, "mode": "sawtooth"})
    err("LambdaLR with too few lambdas", "LambdaLR", {"lr_lambda": ["pow095"]},
        {"type": "SGD", "lrs": [0.1, 0.2], "momentum": 0.9})
    derived = [
        {"name": "LinearLR start factor of zero", "scheduler": "LinearLR", "kwargs": {"start_factor": 0.0},
         "optimizer": None, "type": "ValueError", "derived": True,
         "message": "Starting multiplicative factor expected to be greater than 0 and less or equal to 1."},
        {"name": "OneCycleLR unknown anneal strategy", "scheduler": "OneCycleLR",
         "kwargs": {"max_lr": 0.1, "total_steps": 10, "anneal_strategy": "step"}, "optimizer": None,
         "type": "ValueError", "derived": True,
         "message": "anneal_strategy must be one of 'cos' or 'linear', instead got step"},
        {"name": "CyclicLR max_lr per group of the wrong length", "scheduler": "CyclicLR",
         "kwargs": {"base_lr": 0.01, "max_lr": [0.1, 0.2]}, "optimizer": None, "type": "ValueError", "derived": True,
         "message": "max_lr must have the same length as optimizer.param_groups. max_lr has 2 values, "
                    "param_groups has 1."},
    ]
    return recorded + derived


def warning_text():
    opt = make_optimizer({"type": "SGD", "lrs": [0.1]})
    sched = lr_scheduler.StepLR(opt, step_size=1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sched.step()
    return [str(w.message) for w in caught]


def epoch_warning_text():
    opt = make_optimizer({"type": "SGD", "lrs": [0.1]})
    sched = lr_scheduler.StepLR(opt, step_size=1)
    opt.step()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sched.step(5)
    return [str(w.message) for w in caught]


def main():
    os.makedirs(OUT, exist_ok=True)
    data = {"generator": "tools/golden/gen_lr_scheduler.py", "torch": torch.__version__,
            "step_before_optimizer_warning": warning_text(),
            "epoch_argument_warning": epoch_warning_text(), "errors": errors(), "cases": cases()}
    with open(os.path.join(OUT, "schedules.json"), "w") as f:
        json.dump(data, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
