from optimlab_checks import check, ns, trace, metrics, solution, close
import math

ref = solution()
losses = metrics.get("loss", [])
finite = len(losses) == 40 and all([math.isfinite(v) for v in losses])

check("w walks down to the minimum", "w" in ns and close(ns["w"], ref["ns"]["w"], rtol=1e-4, atol=1e-6), points=2,
      feedback={"en": "After 40 steps w is not at the minimum that clipped SGD reaches.",
                "zh": "40 步之后，w 没有到达经过裁剪的 SGD 所能到达的最小值。"})
check("the loss stays finite", finite,
      feedback={"en": "Some losses were inf or nan: at least one update used a gradient that was far too large.",
                "zh": "有的损失值是 inf 或 nan：至少有一次更新用了过大的梯度。"})
check("every step clips between backward and step",
      trace.order("tensor.backward", "clip_grad_norm_", "optimizer.step")
      and len(trace.calls("clip_grad_norm_")) == 40 and len(trace.calls("optimizer.step")) == 40,
      feedback={"en": "In every one of the 40 iterations, clip_grad_norm_ has to run after loss.backward() and "
                      "before optimizer.step().",
                "zh": "在全部 40 次迭代中，clip_grad_norm_ 都必须在 loss.backward() 之后、optimizer.step() 之前运行。"})
if not finite and len(losses) > 1:
    blown = [i for i in range(len(losses)) if not math.isfinite(losses[i])]
    first = blown[0] if len(blown) > 0 else len(losses)
    check("diagnosis: when the run blew up", False, points=0,
          feedback={"en": "Your loss was " + str(round(losses[0], 2)) + " at step 0 and no longer finite from step "
                          + str(first) + ": the first update already used the raw, unclipped gradient.",
                    "zh": "你的损失在第 0 步是 " + str(round(losses[0], 2)) + "，从第 " + str(first)
                          + " 步起就不再是有限值：第一次更新用的已经是未经裁剪的原始梯度。"})
