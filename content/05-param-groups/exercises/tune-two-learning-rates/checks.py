from optimlab_checks import check, ns, trace, metrics, solution, close
import math
import torch

steps = trace.calls("optimizer.step")
lr_w = ns.get("lr_w")
lr_b = ns.get("lr_b")
numbers = isinstance(lr_w, (int, float)) and isinstance(lr_b, (int, float)) and lr_w > 0 and lr_b > 0
final_loss = ns.get("final_loss")

# rerun the fit with the learner's two rates: the result must come from them, not from the program
again = None
reproduced = False
if numbers:
    x = torch.linspace(0.0, 1.0, 20).unsqueeze(1)
    big = 100.0 * x
    y = 3.0 * x + 2.0
    w = torch.zeros(1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    sgd = torch.optim.SGD([{"params": [w], "lr": lr_w}, {"params": [b], "lr": lr_b}], lr=lr_w)
    for step in range(40):
        sgd.zero_grad()
        ((big * w + b - y) ** 2).mean().backward()
        sgd.step()
    again = ((big * w + b - y) ** 2).mean().item()
    reproduced = isinstance(final_loss, float) and ((math.isnan(again) and math.isnan(final_loss))
                                                    or close(final_loss, again, rtol=1e-4, atol=1e-9))
settled = again is not None and not math.isnan(again) and again < 0.001

check("SGD with lr_w and lr_b brings the loss below 0.001 in 40 steps", settled, points=2,
      feedback={"en": "After 40 steps with your lr_w and lr_b the loss is " + repr(again) + "; it should be below 0.001.",
                "zh": "用你的 lr_w 和 lr_b 走 40 步之后，损失是 " + repr(again) + "；它应当小于 0.001。"})
check("plain SGD takes exactly 40 steps with lr_w and lr_b", len(steps) == 40 and all(s["type"] == "SGD" for s in steps)
      and numbers and close(metrics.get("lr/group0", []), [lr_w] * 40) and close(metrics.get("lr/group1", []), [lr_b] * 40),
      feedback={"en": "The budget is 40 steps of torch.optim.SGD, with group 0 (w) stepping at lr_w and group 1 (b) "
                      "at lr_b, both positive numbers. Keep the optimizer line and the loop as they are.",
                "zh": "预算是 40 步 torch.optim.SGD：第 0 组（w）用 lr_w，第 1 组（b）用 lr_b，二者都是正数。"
                      "请保持创建优化器的那一行和循环不变。"})
check("your program's loss is what these rates give", reproduced,
      feedback={"en": "Rerunning the fit with your lr_w and lr_b does not give your final loss: change only the two "
                      "learning rates.",
                "zh": "用你的 lr_w 和 lr_b 重新拟合，得不到你的最终损失：请只修改这两个学习率。"})
if numbers and not settled:
    if math.isnan(again) or math.isinf(again) or again > 13.0:
        check("diagnosis: the fit blew up", False, points=0,
              feedback={"en": "The loss ended above where it started (about 13): at least one direction is unstable. "
                              "Compare each rate with 2 divided by its direction's curvature.",
                        "zh": "损失最后比开始时（约 13）还高：至少有一个方向不稳定。把每个学习率和“2 除以该方向的曲率”比较一下。"})
    elif lr_w == lr_b:
        check("diagnosis: one rate for both", False, points=0,
              feedback={"en": "Both groups use the same rate. The one w can bear moves b by a tiny amount per step: "
                              "give b its own, much larger rate.",
                        "zh": "两个组用的是同一个学习率。w 能承受的学习率让 b 每步只移动一点点：给 b 一个单独的、大得多的学习率。"})
    else:
        check("diagnosis: stable but slow", False, points=0,
              feedback={"en": "The fit is stable but not there yet: move each rate closer to, but not past, its limit.",
                        "zh": "拟合是稳定的，但还没有到位：让每个学习率更接近（但不要超过）它的上限。"})
