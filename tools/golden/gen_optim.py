"""Records torch.optim trajectories from real PyTorch as golden data for the Java optimizers.

Run with Debian's PyTorch: /usr/bin/python3 tools/golden/gen_optim.py
Writes src/test/resources/golden/optim/trajectories_<Optimizer>.json and behaviour.json. Every float is a float32 value
widened exactly to a double, so the JSON number round-trips to the same float32 bits.
"""
import json
import math
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "optim")

# Problems: explicit data and starting points; the Java tests build the same expressions.
PROBLEMS = {
    "quadratic": {
        "data": {"a": [1.0, 4.0, 0.5], "c": [1.0, -2.0, 0.5]},
        "params": [[[3], [0.5, 1.5, -1.0]]],
    },
    "rosenbrock": {
        "data": {},
        "params": [[[2], [-1.5, 2.0]]],
    },
    "linreg": {
        "data": {
            "x": [[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [-0.75, 1.0, 0.0], [2.0, -0.5, 1.0],
                  [0.0, 0.5, -1.5], [1.0, 1.0, 1.0], [-1.25, -0.25, 0.75], [0.3, -0.7, 0.2]],
            "y": [[1.0], [2.5], [-1.0], [3.0], [-0.5], [2.0], [-1.5], [0.4]],
        },
        "params": [[[1, 3], [0.1, -0.2, 0.3]], [[1], [0.05]]],
    },
    "mlp": {
        "data": {
            "x": [[0.5, -1.0], [1.5, 0.25], [-0.75, 1.0], [2.0, -0.5], [0.0, 0.5], [-1.0, -1.0]],
            "y": [[0.2], [1.0], [-0.6], [1.2], [0.1], [-0.9]],
        },
        "params": [[[4, 2], [0.3, -0.5, 0.8, 0.1, -0.4, 0.6, 0.2, 0.9]], [[4], [0.1, -0.1, 0.05, 0.0]],
                   [[1, 4], [0.7, -0.3, 0.5, -0.8]], [[1], [0.02]]],
    },
}


class DerivedNAdam(torch.optim.Optimizer):
    """PyTorch 2.x's _single_tensor_nadam (decoupled_weight_decay=False), ported line by line.

    1.13 computes mu_product_next as mu_product * mu * mu_next (mu counted twice, in float32);
    2.x uses mu_product.item() * mu_next in double and lerp_ for the first moment.
    """

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3,
                 decoupled_weight_decay=False, maximize=False):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      momentum_decay=momentum_decay, decoupled_weight_decay=decoupled_weight_decay,
                                      maximize=maximize))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            lr, eps, weight_decay, momentum_decay = (group["lr"], group["eps"], group["weight_decay"],
                                                     group["momentum_decay"])
            for param in group["params"]:
                if param.grad is None:
                    continue
                grad = param.grad if not group["maximize"] else -param.grad
                state = self.state[param]
                if not state:
                    state["step"] = torch.tensor(0.0)
                    state["mu_product"] = torch.tensor(1.0)
                    state["exp_avg"] = torch.zeros_like(param)
                    state["exp_avg_sq"] = torch.zeros_like(param)
                step_t, mu_product = state["step"], state["mu_product"]
                exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
                step_t += 1
                step = step_t.item()
                bias_correction2 = 1 - beta2 ** step
                if weight_decay != 0:
                    if group["decoupled_weight_decay"]:
                        param.mul_(1 - lr * weight_decay)
                    else:
                        grad = grad.add(param, alpha=weight_decay)
                mu = beta1 * (1.0 - 0.5 * (0.96 ** (step * momentum_decay)))
                mu_next = beta1 * (1.0 - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
                mu_product *= mu
                exp_avg.lerp_(grad, 1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                denom = exp_avg_sq.div(bias_correction2).sqrt()
                mu_product_next = mu_product.item() * mu_next
                denom.add_(eps)
                param.addcdiv_(grad, denom, value=(-lr * (1.0 - mu) / (1.0 - mu_product.item())))
                param.addcdiv_(exp_avg, denom, value=(-lr * mu_next) / (1.0 - mu_product_next))
        return None


class DerivedAdam(torch.optim.Optimizer):
    """PyTorch 2.x's _single_tensor_adam (AdamW when decoupled): 2.x moves exp_avg with lerp_, 1.13 with mul_/add_."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False,
                 maximize=False, decoupled=False):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                                      maximize=maximize, decoupled=decoupled))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            lr, weight_decay = group["lr"], group["weight_decay"]
            for param in group["params"]:
                if param.grad is None:
                    continue
                grad = param.grad if not group.get("maximize", False) else -param.grad
                state = self.state[param]
                if not state:
                    state["step"] = torch.tensor(0.0)
                    state["exp_avg"] = torch.zeros_like(param)
                    state["exp_avg_sq"] = torch.zeros_like(param)
                    if group["amsgrad"]:
                        state["max_exp_avg_sq"] = torch.zeros_like(param)
                state["step"] += 1
                if group["decoupled"]:
                    param.mul_(1 - lr * weight_decay)
                elif weight_decay != 0:
                    grad = grad.add(param, alpha=weight_decay)
                state["exp_avg"].lerp_(grad, 1 - beta1)
                state["exp_avg_sq"].mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                step = state["step"].item()
                step_size = lr / (1 - beta1 ** step)
                bias_correction2_sqrt = math.sqrt(1 - beta2 ** step)
                second = state["exp_avg_sq"]
                if group["amsgrad"]:
                    torch.maximum(state["max_exp_avg_sq"], second, out=state["max_exp_avg_sq"])
                    second = state["max_exp_avg_sq"]
                denom = (second.sqrt() / bias_correction2_sqrt).add_(group["eps"])
                param.addcdiv_(state["exp_avg"], denom, value=-step_size)
        return None


class DerivedAdamW(DerivedAdam):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False,
                 maximize=False):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, maximize, decoupled=True)


class DerivedRMSprop(torch.optim.RMSprop):
    """PyTorch 2.x's _single_tensor_rmsprop: the centred grad_avg moves with lerp_ (1.13: mul_/add_)."""

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            alpha, lr, eps, momentum = group["alpha"], group["lr"], group["eps"], group["momentum"]
            for param in group["params"]:
                if param.grad is None:
                    continue
                grad = param.grad if not group.get("maximize", False) else -param.grad
                state = self.state[param]
                if not state:
                    state["step"] = torch.tensor(0.0)
                    state["square_avg"] = torch.zeros_like(param)
                    if momentum > 0:
                        state["momentum_buffer"] = torch.zeros_like(param)
                    if group["centered"]:
                        state["grad_avg"] = torch.zeros_like(param)
                state["step"] += 1
                if group["weight_decay"] != 0:
                    grad = grad.add(param, alpha=group["weight_decay"])
                square_avg = state["square_avg"]
                square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
                if group["centered"]:
                    grad_avg = state["grad_avg"]
                    grad_avg.lerp_(grad, 1 - alpha)
                    avg = square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_()
                else:
                    avg = square_avg.sqrt()
                avg = avg.add_(eps)
                if momentum > 0:
                    buf = state["momentum_buffer"]
                    buf.mul_(momentum).addcdiv_(grad, avg)
                    param.add_(buf, alpha=-lr)
                else:
                    param.addcdiv_(grad, avg, value=-lr)
        return None


class DerivedAdamax(torch.optim.Adamax):
    """PyTorch 2.x's _single_tensor_adamax: exp_avg moves with lerp_, exp_inf by torch.maximum."""

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for param in group["params"]:
                if param.grad is None:
                    continue
                grad = param.grad if not group.get("maximize", False) else -param.grad
                state = self.state[param]
                if not state:
                    state["step"] = torch.tensor(0.0)
                    state["exp_avg"] = torch.zeros_like(param)
                    state["exp_inf"] = torch.zeros_like(param)
                state["step"] += 1
                if group["weight_decay"] != 0:
                    grad = grad.add(param, alpha=group["weight_decay"])
                state["exp_avg"].lerp_(grad, 1 - beta1)
                torch.maximum(state["exp_inf"].mul_(beta2), grad.abs().add_(group["eps"]), out=state["exp_inf"])
                clr = group["lr"] / (1 - beta1 ** state["step"].item())
                param.addcdiv_(state["exp_avg"], state["exp_inf"], value=-clr)
        return None


class DerivedRAdam(torch.optim.RAdam):
    """PyTorch 2.x's _single_tensor_radam: exp_avg moves with lerp_; decoupled_weight_decay and maximize are 2.x's."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, decoupled_weight_decay=False,
                 maximize=False):
        super().__init__(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
        for group in self.param_groups:
            group["decoupled_weight_decay"] = decoupled_weight_decay
            group["maximize"] = maximize

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            lr = group["lr"]
            for param in group["params"]:
                if param.grad is None:
                    continue
                grad = param.grad if not group.get("maximize", False) else -param.grad
                state = self.state[param]
                if not state:
                    state["step"] = torch.tensor(0.0)
                    state["exp_avg"] = torch.zeros_like(param)
                    state["exp_avg_sq"] = torch.zeros_like(param)
                state["step"] += 1
                step = state["step"].item()
                if group["weight_decay"] != 0:
                    if group["decoupled_weight_decay"]:
                        param.mul_(1 - lr * group["weight_decay"])
                    else:
                        grad = grad.add(param, alpha=group["weight_decay"])
                exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
                exp_avg.lerp_(grad, 1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                bias_correction1 = 1 - beta1 ** step
                bias_correction2 = 1 - beta2 ** step
                bias_corrected_exp_avg = exp_avg / bias_correction1
                rho_inf = 2 / (1 - beta2) - 1
                rho_t = rho_inf - 2 * step * (beta2 ** step) / bias_correction2
                if rho_t > 5.0:
                    rect = ((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t)) ** 0.5
                    adaptive_lr = (bias_correction2 ** 0.5) / exp_avg_sq.sqrt().add_(group["eps"])
                    param.add_(bias_corrected_exp_avg * lr * adaptive_lr * rect, alpha=-1.0)
                else:
                    param.add_(bias_corrected_exp_avg * lr, alpha=-1.0)
        return None


LERP = ("2.x moves running averages with lerp_ where 1.13 uses mul_ then add_ (they round differently); "
        "trajectory from a port of 2.x's single-tensor update run on torch 1.13 ops")
DERIVED = {"NAdam": (DerivedNAdam, "2.x fixed NAdam's mu_product_next (1.13 multiplies mu in twice) and uses lerp_; "
                                   "trajectory from a port of 2.x's _single_tensor_nadam run on torch 1.13 ops"),
           "Adam": (DerivedAdam, LERP), "AdamW": (DerivedAdamW, LERP), "Adamax": (DerivedAdamax, LERP),
           "RAdam": (DerivedRAdam, LERP), "RMSprop": (DerivedRMSprop, LERP)}


def loss_fn(problem, params):
    data = {k: torch.tensor(v) for k, v in PROBLEMS[problem]["data"].items()}
    if problem == "quadratic":
        (x,) = params
        return (data["a"] * (x - data["c"]) ** 2).sum()
    if problem == "rosenbrock":
        (xy,) = params
        return (1 - xy[0]) ** 2 + 100 * (xy[1] - xy[0] ** 2) ** 2
    if problem == "linreg":
        w, b = params
        return ((data["x"] @ w.t() + b - data["y"]) ** 2).mean()
    if problem == "mlp":
        w1, b1, w2, b2 = params
        hidden = torch.tanh(data["x"] @ w1.t() + b1)
        return ((hidden @ w2.t() + b2 - data["y"]) ** 2).mean()
    raise ValueError(problem)


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def state_record(opt, params):
    records = []
    for p in params:
        entry = {}
        for key, value in opt.state.get(p, {}).items():
            if torch.is_tensor(value):
                entry[key] = flat(value) if value.dim() > 0 else float(value.item())
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                entry[key] = float(value)
        records.append(entry)
    return records


def kwargs_for_torch(kwargs):
    return {k: tuple(v) if isinstance(v, list) else v for k, v in kwargs.items()}


def run_case(name, optimizer, kwargs, problem, steps, lr_changes=None, groups=None, grad_scale=None):
    params = [torch.tensor(values).reshape(shape).requires_grad_() for shape, values in PROBLEMS[problem]["params"]]
    derived = optimizer in DERIVED and (optimizer != "RMSprop" or kwargs.get("centered", False))
    cls = DERIVED[optimizer][0] if derived else getattr(torch.optim, optimizer)
    if groups:
        spec = [dict(kwargs_for_torch(g["options"]), params=[params[i] for i in g["params"]]) for g in groups]
        opt = cls(spec, **kwargs_for_torch(kwargs))
    else:
        opt = cls(params, **kwargs_for_torch(kwargs))
    closure_based = optimizer == "LBFGS"
    trajectory = []
    for step in range(steps):
        if lr_changes and str(step) in lr_changes:
            for group in opt.param_groups:
                group["lr"] = lr_changes[str(step)]

        def closure():
            opt.zero_grad(set_to_none=True)
            value = loss_fn(problem, params)
            value.backward()
            if grad_scale is not None:
                for p in params:
                    p.grad.mul_(grad_scale)
            return value

        if closure_based:
            loss = opt.step(closure)
        else:
            loss = closure()
            opt.step()
        trajectory.append({"loss": float(loss.item()), "params": [flat(p) for p in params],
                           "state": state_record(opt, params)})
    case = {"name": name, "optimizer": optimizer, "kwargs": kwargs, "problem": problem, "steps": steps,
            "trajectory": trajectory}
    if derived:
        case["derived"] = True
        case["note"] = DERIVED[optimizer][1]
    if lr_changes:
        case["lr_changes"] = lr_changes
    if groups:
        case["groups"] = groups
    return case


def trajectory_cases():
    cases = []
    add = lambda *args, **kw: cases.append(run_case(*args, **kw))

    def add_sensitive(*args):
        """A case whose result PyTorch itself moves by more than float32 rounding when the gradients move by one
        part in 1e7: its tolerance is four times that movement, measured here."""
        exact = run_case(*args)
        nudged = run_case(*args, grad_scale=1 + 1e-7)
        needed = 1e-5
        for a, b in zip(exact["trajectory"], nudged["trajectory"]):
            for pa, pb in zip(a["params"], b["params"]):
                for x, y in zip(pa, pb):
                    needed = max(needed, (abs(x - y) - 1e-6) / abs(x) if x else 0.0)
        exact["rtol"] = float("%.1e" % (4 * needed))
        exact["tolerance_note"] = ("PyTorch itself moves these parameters by %.1e relative when the gradients change "
                                   "by 1e-7 relative; the tolerance is four times that" % needed)
        cases.append(exact)
    for problem in ["quadratic", "rosenbrock", "linreg", "mlp"]:
        lr = 0.001 if problem == "rosenbrock" else 0.05
        add(f"SGD plain on {problem}", "SGD", {"lr": lr}, problem, 30)
        add(f"SGD momentum on {problem}", "SGD", {"lr": lr, "momentum": 0.9}, problem, 30)
        add(f"Adam on {problem}", "Adam", {"lr": 0.01}, problem, 40)
        add(f"RMSprop on {problem}", "RMSprop", {"lr": 0.01}, problem, 30)
        add(f"Adagrad on {problem}", "Adagrad", {"lr": 0.1}, problem, 30)
    add("SGD momentum with dampening", "SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.5}, "linreg", 30)
    add("SGD nesterov", "SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True}, "mlp", 30)
    add("SGD weight_decay", "SGD", {"lr": 0.05, "momentum": 0.5, "weight_decay": 0.1}, "linreg", 30)
    add("SGD maximize", "SGD", {"lr": 0.01, "momentum": 0.9, "maximize": True}, "quadratic", 20)
    add("Adam amsgrad", "Adam", {"lr": 0.05, "amsgrad": True}, "mlp", 60)
    add("Adam weight_decay", "Adam", {"lr": 0.01, "weight_decay": 0.1}, "linreg", 40)
    add("Adam maximize", "Adam", {"lr": 0.01, "maximize": True}, "quadratic", 20)
    add("Adam betas and eps", "Adam", {"lr": 0.02, "betas": [0.8, 0.99], "eps": 1e-6}, "rosenbrock", 100)
    add("AdamW default decay", "AdamW", {"lr": 0.01}, "mlp", 40)
    add("AdamW amsgrad", "AdamW", {"lr": 0.05, "weight_decay": 0.1, "amsgrad": True}, "linreg", 40)
    add("AdamW maximize", "AdamW", {"lr": 0.01, "maximize": True}, "quadratic", 20)
    add("Adagrad lr_decay", "Adagrad", {"lr": 0.1, "lr_decay": 0.01}, "linreg", 30)
    add("Adagrad weight_decay and initial accumulator", "Adagrad",
        {"lr": 0.1, "weight_decay": 0.1, "initial_accumulator_value": 0.5, "eps": 1e-8}, "mlp", 30)
    add("RMSprop momentum", "RMSprop", {"lr": 0.01, "momentum": 0.9}, "linreg", 30)
    add("RMSprop centered", "RMSprop", {"lr": 0.01, "centered": True}, "mlp", 30)
    add("RMSprop centered momentum weight_decay", "RMSprop",
        {"lr": 0.01, "alpha": 0.9, "centered": True, "momentum": 0.5, "weight_decay": 0.1}, "quadratic", 30)
    add("Adadelta", "Adadelta", {"lr": 1.0}, "linreg", 30)
    add("Adadelta rho and weight_decay", "Adadelta", {"lr": 0.5, "rho": 0.8, "weight_decay": 0.1}, "mlp", 30)
    add("Adamax", "Adamax", {"lr": 0.02}, "mlp", 40)
    add("Adamax weight_decay", "Adamax", {"lr": 0.02, "weight_decay": 0.1}, "quadratic", 30)
    add("NAdam", "NAdam", {"lr": 0.01}, "linreg", 40)
    add("NAdam momentum_decay and weight_decay", "NAdam",
        {"lr": 0.02, "momentum_decay": 0.008, "weight_decay": 0.1}, "mlp", 40)
    add("RAdam", "RAdam", {"lr": 0.01}, "linreg", 40)
    add("RAdam weight_decay", "RAdam", {"lr": 0.02, "weight_decay": 0.1}, "mlp", 40)
    add("Rprop", "Rprop", {"lr": 0.01}, "linreg", 40)
    add("Rprop etas and step sizes", "Rprop",
        {"lr": 0.05, "etas": [0.4, 1.5], "step_sizes": [1e-4, 0.5]}, "rosenbrock", 60)
    add("ASGD", "ASGD", {"lr": 0.01, "t0": 5.0}, "linreg", 30)
    add("ASGD lambd alpha weight_decay", "ASGD",
        {"lr": 0.05, "lambd": 0.01, "alpha": 0.5, "t0": 3.0, "weight_decay": 0.1}, "mlp", 30)
    for name in ["RMSprop", "Adagrad", "Adadelta", "Adamax", "Rprop", "ASGD", "NAdam", "RAdam"]:
        add(name + " maximize", name, {"lr": 0.01, "maximize": True}, "quadratic", 20)
    add("NAdam decoupled_weight_decay", "NAdam",
        {"lr": 0.02, "weight_decay": 0.1, "decoupled_weight_decay": True}, "mlp", 40)
    add("RAdam decoupled_weight_decay", "RAdam",
        {"lr": 0.02, "weight_decay": 0.1, "decoupled_weight_decay": True}, "linreg", 40)
    add("LBFGS on quadratic", "LBFGS", {"lr": 1.0, "max_iter": 5}, "quadratic", 4)
    add("LBFGS on rosenbrock", "LBFGS", {"lr": 0.5, "max_iter": 10, "history_size": 5}, "rosenbrock", 10)
    add("LBFGS strong_wolfe on rosenbrock", "LBFGS",
        {"lr": 1.0, "max_iter": 20, "line_search_fn": "strong_wolfe"}, "rosenbrock", 10)
    add("LBFGS strong_wolfe on linreg", "LBFGS",
        {"lr": 1.0, "max_iter": 3, "history_size": 4, "line_search_fn": "strong_wolfe"}, "linreg", 3)
    add("LBFGS strong_wolfe on mlp, three iterations", "LBFGS",
        {"lr": 1.0, "max_iter": 3, "history_size": 4, "line_search_fn": "strong_wolfe"}, "mlp", 3)
    add_sensitive("LBFGS on mlp", "LBFGS", {"lr": 0.5, "max_iter": 4, "history_size": 3}, "mlp", 5)
    add("LBFGS strong_wolfe on mlp, one step", "LBFGS",
        {"lr": 1.0, "max_iter": 10, "history_size": 4, "line_search_fn": "strong_wolfe"}, "mlp", 1)
    add("SGD lr changed mid-run", "SGD", {"lr": 0.05, "momentum": 0.9}, "linreg", 30, lr_changes={"10": 0.01})
    add("Adam lr changed mid-run", "Adam", {"lr": 0.05}, "mlp", 30, lr_changes={"10": 0.005, "20": 0.02})
    add("SGD two param groups", "SGD", {"lr": 0.05, "momentum": 0.9}, "linreg", 30,
        groups=[{"params": [0], "options": {}}, {"params": [1], "options": {"lr": 0.01, "momentum": 0.0}}])
    add("Adam two param groups", "Adam", {"lr": 0.01}, "mlp", 30,
        groups=[{"params": [0, 1], "options": {"weight_decay": 0.1}},
                {"params": [2, 3], "options": {"lr": 0.03, "betas": [0.5, 0.9]}}])
    return cases


def message(action):
    try:
        action()
    except Exception as e:  # noqa: BLE001 - recording whichever error torch raises
        return {"type": type(e).__name__, "message": str(e)}
    raise AssertionError("expected an error")


def behaviour():
    p = lambda: torch.zeros(2, requires_grad=True)
    errors = []
    def err(name, action):
        errors.append(dict(name=name, **message(action)))
    err("SGD negative lr", lambda: torch.optim.SGD([p()], lr=-0.1))
    err("SGD negative momentum", lambda: torch.optim.SGD([p()], lr=0.1, momentum=-0.5))
    err("SGD negative weight_decay", lambda: torch.optim.SGD([p()], lr=0.1, weight_decay=-1))
    err("SGD nesterov without momentum", lambda: torch.optim.SGD([p()], lr=0.1, nesterov=True))
    err("SGD nesterov with dampening", lambda: torch.optim.SGD([p()], lr=0.1, momentum=0.9, dampening=0.1, nesterov=True))
    err("Adam negative lr", lambda: torch.optim.Adam([p()], lr=-0.001))
    err("Adam negative eps", lambda: torch.optim.Adam([p()], eps=-1e-8))
    err("Adam beta1 of one", lambda: torch.optim.Adam([p()], betas=(1.0, 0.999)))
    err("Adam negative beta2", lambda: torch.optim.Adam([p()], betas=(0.9, -0.1)))
    err("Adam negative weight_decay", lambda: torch.optim.Adam([p()], weight_decay=-0.1))
    err("AdamW negative lr", lambda: torch.optim.AdamW([p()], lr=-1.0))
    err("AdamW beta1 of one", lambda: torch.optim.AdamW([p()], betas=(1.0, 0.999)))
    err("Adagrad negative lr_decay", lambda: torch.optim.Adagrad([p()], lr_decay=-0.1))
    err("Adagrad negative initial accumulator", lambda: torch.optim.Adagrad([p()], initial_accumulator_value=-1.0))
    err("Adagrad negative eps", lambda: torch.optim.Adagrad([p()], eps=-1.0))
    err("RMSprop negative alpha", lambda: torch.optim.RMSprop([p()], alpha=-0.5))
    err("RMSprop negative momentum", lambda: torch.optim.RMSprop([p()], momentum=-0.5))
    err("RMSprop negative eps", lambda: torch.optim.RMSprop([p()], eps=-1.0))
    err("Adadelta rho above one", lambda: torch.optim.Adadelta([p()], rho=1.5))
    err("Adamax beta2 of one", lambda: torch.optim.Adamax([p()], betas=(0.9, 1.0)))
    err("NAdam negative momentum_decay", lambda: torch.optim.NAdam([p()], momentum_decay=-0.1))
    err("RAdam negative eps", lambda: torch.optim.RAdam([p()], eps=-1.0))
    err("Rprop etas out of order", lambda: torch.optim.Rprop([p()], etas=(1.5, 0.5)))
    err("ASGD negative weight_decay", lambda: torch.optim.ASGD([p()], weight_decay=-1.0))
    err("LBFGS with two param groups", lambda: torch.optim.LBFGS([{"params": [p()]}, {"params": [p()]}]))
    err("empty parameter list", lambda: torch.optim.SGD([], lr=0.1))
    err("a tensor instead of a list", lambda: torch.optim.SGD(p(), lr=0.1))
    err("a non-leaf tensor", lambda: torch.optim.SGD([p() * 2], lr=0.1))
    shared = p()
    err("a parameter in two groups", lambda: torch.optim.SGD([{"params": [shared]}, {"params": [shared]}], lr=0.1))
    def add_duplicate():
        q = p()
        torch.optim.SGD([q], lr=0.1).add_param_group({"params": [q]})
    err("add_param_group with a parameter already present", add_duplicate)
    def load_wrong_group_count():
        a = torch.optim.SGD([{"params": [p()]}, {"params": [p()]}], lr=0.1)
        torch.optim.SGD([p()], lr=0.1).load_state_dict(a.state_dict())
    err("load_state_dict with another number of groups", load_wrong_group_count)
    def load_wrong_group_size():
        a = torch.optim.SGD([p(), p()], lr=0.1)
        torch.optim.SGD([p()], lr=0.1).load_state_dict(a.state_dict())
    err("load_state_dict with groups of another size", load_wrong_group_size)

    # zero_grad: None by default in 2.x, zeros when asked
    q = torch.tensor([1.0, -2.0], requires_grad=True)
    opt = torch.optim.SGD([q], lr=0.1)
    (q * q).sum().backward()
    opt.zero_grad(set_to_none=False)
    zeros = flat(q.grad)
    opt.zero_grad(set_to_none=True)
    zero_grad = {"set_to_none_false": zeros, "set_to_none_true_is_none": q.grad is None}

    # state_dict structure after two Adam steps over two groups (1.13 keys; Java holds 2.x keys)
    a, b, c = (torch.tensor([1.0, 2.0], requires_grad=True), torch.tensor([3.0], requires_grad=True),
               torch.tensor([[0.5, -0.5]], requires_grad=True))
    opt = torch.optim.Adam([{"params": [a, b]}, {"params": [c], "lr": 0.1}], lr=0.01)
    for _ in range(2):
        opt.zero_grad()
        ((a * a).sum() + (b ** 3).sum() + (c * 2).sum()).backward()
        opt.step()
    sd = opt.state_dict()
    state_dict = {
        "state_keys": {str(k): sorted(v.keys()) for k, v in sd["state"].items()},
        "group_params": [g["params"] for g in sd["param_groups"]],
        "group_keys_1_13": [sorted(g.keys()) for g in sd["param_groups"]],
        # Derived: current 2.x Adam adds decoupled_weight_decay to every group (AdamW became Adam with it set).
        "group_keys_2x": [sorted(list(g.keys()) + ["decoupled_weight_decay"]) for g in sd["param_groups"]],
        "state": {str(k): {kk: (flat(vv) if vv.dim() > 0 else float(vv.item())) for kk, vv in v.items()}
                  for k, v in sd["state"].items()},
    }
    return {"errors": errors, "zero_grad": zero_grad, "state_dict": state_dict}


CLIP_GRADS = [[[2, 2], [0.5, -1.25, 3.0, 0.75]], [[3], [-2.5, 0.125, 1.5]], [[1], [4.0]]]


def clipping():
    """clip_grad_norm_ and clip_grad_value_ on explicit gradients: total norms, clipped gradients, errors."""
    def params(grads=CLIP_GRADS):
        out = []
        for shape, values in grads:
            p = torch.zeros(shape, requires_grad=True)
            p.grad = torch.tensor(values).reshape(shape)
            out.append(p)
        return out

    norm_cases = []
    for max_norm in [1.0, 5.0, 100.0]:
        for norm_type in [2.0, 1.0, 3.5, float("inf")]:
            ps = params()
            total = torch.nn.utils.clip_grad_norm_(ps, max_norm, norm_type=norm_type)
            norm_cases.append({"max_norm": max_norm, "norm_type": "inf" if norm_type == float("inf") else norm_type,
                               "total_norm": float(total), "grads": [flat(p.grad) for p in ps]})
    value_cases = []
    for clip_value in [0.1, 1.0, 3.0]:
        ps = params()
        torch.nn.utils.clip_grad_value_(ps, clip_value)
        value_cases.append({"clip_value": clip_value, "grads": [flat(p.grad) for p in ps]})
    bad = params([[[2], [1.0, float("inf")]]])
    error = message(lambda: torch.nn.utils.clip_grad_norm_(bad, 1.0, error_if_nonfinite=True))
    return {"grads": CLIP_GRADS, "norm": norm_cases, "value": value_cases, "nonfinite_error": error}


LOOPS = [
    {"name": "SGD with Nesterov momentum, OneCycleLR and clip_grad_norm_", "problem": "mlp", "steps": 30,
     "optimizer": "SGD", "kwargs": {"lr": 0.01, "momentum": 0.9, "nesterov": True},
     "scheduler": "OneCycleLR", "scheduler_kwargs": {"max_lr": 0.1, "total_steps": 30},
     "clip": {"max_norm": 1.0}},
    {"name": "Adam with CosineAnnealingLR and clip_grad_value_", "problem": "linreg", "steps": 25,
     "optimizer": "Adam", "kwargs": {"lr": 0.05}, "scheduler": "CosineAnnealingLR",
     "scheduler_kwargs": {"T_max": 20}, "clip": {"clip_value": 0.5}},
    {"name": "AdamW with ReduceLROnPlateau on the training loss", "problem": "mlp", "steps": 40,
     "optimizer": "AdamW", "kwargs": {"lr": 0.05}, "scheduler": "ReduceLROnPlateau",
     "scheduler_kwargs": {"patience": 2, "factor": 0.5}, "clip": None},
]


def training_loops():
    """Whole training loops as a course runs them: zero_grad, backward, clip, optimizer.step, scheduler.step."""
    out = []
    for loop in LOOPS:
        params = [torch.tensor(values).reshape(shape).requires_grad_()
                  for shape, values in PROBLEMS[loop["problem"]]["params"]]
        cls = DERIVED[loop["optimizer"]][0] if loop["optimizer"] in DERIVED else getattr(torch.optim, loop["optimizer"])
        opt = cls(params, **loop["kwargs"])
        sched = getattr(torch.optim.lr_scheduler, loop["scheduler"])(opt, **loop["scheduler_kwargs"])
        records = []
        for _ in range(loop["steps"]):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(loop["problem"], params)
            loss.backward()
            record = {"loss": float(loss.item())}
            if loop["clip"] and "max_norm" in loop["clip"]:
                record["total_norm"] = float(torch.nn.utils.clip_grad_norm_(params, loop["clip"]["max_norm"]))
            elif loop["clip"]:
                torch.nn.utils.clip_grad_value_(params, loop["clip"]["clip_value"])
            opt.step()
            if loop["scheduler"] == "ReduceLROnPlateau":
                sched.step(loss.item())
            else:
                sched.step()
            record["lr"] = [g["lr"] for g in opt.param_groups]
            record["params"] = [flat(p) for p in params]
            records.append(record)
        case = dict(loop, records=records)
        if loop["optimizer"] in DERIVED:
            case["derived"] = True
            case["note"] = DERIVED[loop["optimizer"]][1]
        out.append(case)
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    meta = {"generator": "tools/golden/gen_optim.py", "torch": torch.__version__,
            "problems": {k: v["data"] for k, v in PROBLEMS.items()},
            "starts": {k: v["params"] for k, v in PROBLEMS.items()}}
    by_optimizer = {}
    for case in trajectory_cases():
        by_optimizer.setdefault(case["optimizer"], []).append(case)
    for optimizer, cases in by_optimizer.items():
        with open(os.path.join(OUT, f"trajectories_{optimizer}.json"), "w") as f:
            json.dump(dict(meta, cases=cases), f, separators=(",", ":"))
    with open(os.path.join(OUT, "behaviour.json"), "w") as f:
        json.dump({"generator": meta["generator"], "torch": torch.__version__, **behaviour()}, f, indent=1)
    with open(os.path.join(OUT, "training_loops.json"), "w") as f:
        json.dump(dict(meta, loops=training_loops()), f, separators=(",", ":"))
    with open(os.path.join(OUT, "clipping.json"), "w") as f:
        json.dump({"generator": meta["generator"], "torch": torch.__version__, **clipping()}, f, indent=1)


if __name__ == "__main__":
    main()
