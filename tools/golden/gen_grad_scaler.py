"""Golden data for GradScaler: the scale, growth tracker, skipped steps and parameters over a run.

Run with PyTorch (Debian's python3-torch, 1.13): /usr/bin/python3 tools/golden/gen_grad_scaler.py
Writes src/test/resources/golden/amp/grad_scaler.json.

DERIVED: torch 1.13 has no CPU kernels for _amp_update_scale_ and
_amp_foreach_non_finite_check_and_unscale_, and its torch.cuda.amp.GradScaler disables itself without
CUDA. This script runs 1.13's GradScaler Python code (stages, errors, state_dict) with those two kernels
replaced by line-for-line Python transcriptions of PyTorch 2.x's CPU kernels
(aten/src/ATen/native/cpu/AmpGradScalerKernels.cpp), on a scaler forced to enabled.
"""
import json
import math
import os

import torch
from torch.cuda.amp import GradScaler
from torch.cuda.amp import grad_scaler as grad_scaler_module


def non_finite_check_and_unscale_(grads, found_inf, inv_scale):
    # 2.x: if (!std::isfinite(val)) *found_inf = 1.f; return inv_scale == 1.f ? val : val * inv_scale;
    for grad in grads:
        if not torch.isfinite(grad).all():
            found_inf.fill_(1.0)
        if inv_scale.item() != 1.0:
            grad.mul_(inv_scale)


def update_scale_(scale, growth_tracker, found_inf, growth_factor, backoff_factor, growth_interval):
    # 2.x _amp_update_scale_cpu_: float arithmetic on the float32 scale, int32 tracker.
    if found_inf.item():
        scale.mul_(backoff_factor)
        growth_tracker.fill_(0)
    else:
        successful = growth_tracker.item() + 1
        if successful == growth_interval:
            grown = scale * growth_factor
            if math.isfinite(grown.item()):
                scale.copy_(grown)
            growth_tracker.fill_(0)
        else:
            growth_tracker.fill_(successful)
    return scale


torch._amp_foreach_non_finite_check_and_unscale_ = non_finite_check_and_unscale_
torch._amp_update_scale_ = update_scale_


def cpu_replicator_init(self, master_tensor):
    # 1.13 asserts a CUDA master tensor here; 2.x's torch.amp version accepts any device.
    self.master = master_tensor
    self._per_device_tensors = {}


grad_scaler_module._MultiDeviceReplicator.__init__ = cpu_replicator_init


def scale_2x(self, outputs):
    # 2.x torch.amp.GradScaler.scale for a single tensor, without 1.13's CUDA assertion.
    if not self._enabled:
        return outputs
    if self._scale is None:
        self._lazy_init_scale_growth_tracker(outputs.device)
    return outputs * self._scale.to(device=outputs.device, non_blocking=True)


GradScaler.scale = scale_2x


def enabled_scaler(**kwargs):
    # 1.13's constructor only enables itself when CUDA is available.
    available = torch.cuda.is_available
    torch.cuda.is_available = lambda: True
    try:
        return GradScaler(**kwargs)
    finally:
        torch.cuda.is_available = available


def run(raw_grads, init_scale, growth_factor, backoff_factor, growth_interval, half_backward):
    """SGD on one float32 parameter; each step's gradient is raw * scale, passed through float16 if
    half_backward (as a float16 backward would produce it), then unscaled and checked by the scaler."""
    param = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=0.1)
    scaler = enabled_scaler(init_scale=init_scale, growth_factor=growth_factor, backoff_factor=backoff_factor,
                            growth_interval=growth_interval)
    scaler._lazy_init_scale_growth_tracker(torch.device("cpu"))
    steps = []
    for raw in raw_grads:
        scale = scaler.get_scale()
        grad = torch.tensor(raw, dtype=torch.float32) * scale
        if half_backward:
            grad = grad.half().float()
        scaled = grad.tolist()
        param.grad = grad
        scaler.step(optimizer)
        found_inf = sum(v.item() for v in scaler._per_optimizer_states[id(optimizer)]["found_inf_per_device"].values())
        unscaled = param.grad.tolist()
        scaler.update()
        steps.append({"raw": raw, "scale_before": scale, "scaled_grad": scaled, "found_inf": found_inf,
                      "unscaled_grad": unscaled, "param": param.tolist(), "scale_after": scaler.get_scale(),
                      "growth_tracker": scaler._get_growth_tracker()})
    return {"init_scale": init_scale, "growth_factor": growth_factor, "backoff_factor": backoff_factor,
            "growth_interval": growth_interval, "half_backward": half_backward, "steps": steps,
            "state_dict": scaler.state_dict()}


small = [[1e-6, -3e-7, 2e-8]] * 3
big = [[3.0, -1.0, 0.25]] * 2
runs = [
    run(big + small + big * 3, 65536.0, 2.0, 0.5, 3, True),
    run([[1e-7, 2e-7, -5e-8]] * 7, 1.0, 2.0, 0.5, 2, True),
    run([[0.5, float("inf"), 1.0], [0.5, 1.0, float("nan")], [0.5, 1.0, 1.0]] * 2, 1024.0, 3.0, 0.25, 1, False),
    run([[1.0, 1.0, 1.0]] * 4, 3.0e38, 2.0, 0.5, 1, False),
]

scaler = enabled_scaler(init_scale=8.0)
loss = torch.tensor(1.5, dtype=torch.float16)
scaled = scaler.scale(loss)
scale_value = {"loss": 1.5, "dtype": str(scaled.dtype).replace("torch.", ""), "value": scaled.item()}

errors = {}
param = torch.tensor([1.0], requires_grad=True)
optimizer = torch.optim.SGD([param], lr=0.1)
scaler = enabled_scaler()
scaler.scale(torch.tensor(1.0))
param.grad = torch.tensor([1.0])
scaler.unscale_(optimizer)
try:
    scaler.unscale_(optimizer)
except RuntimeError as e:
    errors["unscale_twice"] = str(e)
scaler.step(optimizer)
try:
    scaler.unscale_(optimizer)
except RuntimeError as e:
    errors["unscale_after_step"] = str(e)
try:
    scaler.step(optimizer)
except RuntimeError as e:
    errors["step_twice"] = str(e)
scaler.update()
half_param = torch.tensor([1.0], dtype=torch.float16, requires_grad=True)
half_param.grad = torch.tensor([1.0], dtype=torch.float16)
try:
    scaler.unscale_(torch.optim.SGD([half_param], lr=0.1))
except ValueError as e:
    errors["fp16_grads"] = str(e)
try:
    enabled_scaler().load_state_dict({})
except RuntimeError as e:
    errors["empty_state_dict"] = str(e)
no_grad_optimizer = torch.optim.SGD([torch.tensor([1.0], requires_grad=True)], lr=0.1)
fresh = enabled_scaler()
fresh.scale(torch.tensor(1.0))
try:
    fresh.step(no_grad_optimizer)
except AssertionError as e:
    errors["no_inf_checks"] = str(e)

disabled = GradScaler(enabled=False)
disabled_case = {"get_scale": disabled.get_scale(), "state_dict": disabled.state_dict(),
                 "scaled": disabled.scale(torch.tensor(2.5)).item()}
fresh = enabled_scaler(init_scale=4.0, growth_interval=7)
unused_state = fresh.state_dict()

out = {"torch": torch.__version__, "derived": "1.13 GradScaler Python code with 2.x CPU kernels transcribed",
       "runs": runs, "scale": scale_value, "errors": errors, "disabled": disabled_case,
       "unused_state_dict": unused_state}
path = os.path.join(os.path.dirname(__file__), "../../src/test/resources/golden/amp/grad_scaler.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
