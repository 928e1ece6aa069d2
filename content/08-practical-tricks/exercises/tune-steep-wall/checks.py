from optimlab_checks import check, ns, trace, metrics, solution, close
import math

losses = metrics.get("loss", [])
steps = len(trace.calls("optimizer.step"))
finite = len(losses) > 0 and all([math.isfinite(v) for v in losses])
fair = len(losses) > 0 and len(losses) <= 20 and steps <= 20 and close(losses[0], 91.5625)
reached = fair and finite and losses[-1] < 1e-6

check("the loss falls below 1e-6 within 20 steps", reached, points=2,
      feedback={"en": "The loss of your last step is not below 1e-6 (or the run did not keep the start and the 20-step budget).",
                "zh": "你最后一步的损失没有低于 1e-6（或者这次训练没有保持起点和 20 步的限制）。"})
check("the run starts at w = (3, -2.5) and takes at most 20 steps", fair,
      feedback={"en": "Keep the start (its loss is 91.5625) and at most 20 optimizer steps; your run took " + str(steps) + ".",
                "zh": "请保持起点（其损失为 91.5625），并且最多走 20 步优化器；你的程序走了 " + str(steps) + " 步。"})
check("the run never produces inf or nan", finite,
      feedback={"en": "Some losses were inf or nan: a step threw w so far that the numbers overflowed.",
                "zh": "有的损失值是 inf 或 nan：某一步把 w 甩得太远，数值溢出了。"})
if not reached and len(losses) > 1:
    if not finite:
        first = [i for i in range(len(losses)) if not math.isfinite(losses[i])][0]
        check("diagnosis: the run exploded", False, points=0,
              feedback={"en": "Your loss went from " + str(round(losses[0], 2)) + " to " + f"{losses[1]:.4g}"
                              + " in the first step and was no longer finite from step " + str(first)
                              + ": the steps are far too long while the gradient is huge.",
                        "zh": "你的损失在第一步就从 " + str(round(losses[0], 2)) + " 变成了 " + f"{losses[1]:.4g}"
                              + "，从第 " + str(first) + " 步起不再是有限值：在梯度很大的时候，步子迈得太大了。"})
    else:
        check("diagnosis: still on the way", False, points=0,
              feedback={"en": "Your loss went from " + str(round(losses[0], 2)) + " to " + f"{losses[-1]:.3g}"
                              + " in " + str(len(losses)) + " steps without exploding: now make the progress faster.",
                        "zh": "你的损失在 " + str(len(losses)) + " 步内从 " + str(round(losses[0], 2)) + " 降到了 "
                              + f"{losses[-1]:.3g}" + "，没有爆炸：现在要让它下降得更快。"})
