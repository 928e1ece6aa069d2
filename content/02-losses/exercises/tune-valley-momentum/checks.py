from optimlab_checks import check, ns, trace, metrics, solution, close
import torch

steps = trace.calls("optimizer.step")
lr = ns.get("lr")
momentum = ns.get("momentum")
numbers = isinstance(lr, (int, float)) and isinstance(momentum, (int, float)) and lr > 0 and 0 <= momentum < 1
p = ns.get("p")
shaped = torch.is_tensor(p) and p.numel() == 2

# rerun SGD with the learner's settings: the result must come from lr and momentum, not from the program
reached = None
reproduced = False
if numbers:
    q = torch.tensor([-4.0, 1.0], requires_grad=True)
    sgd = torch.optim.SGD([q], lr=lr, momentum=momentum)
    for step in range(30):
        sgd.zero_grad()
        (0.5 * (q[0] ** 2 + 20 * q[1] ** 2)).backward()
        sgd.step()
    reached = q.detach().norm().item()
    reproduced = shaped and close(p, q.detach(), rtol=1e-5, atol=1e-7)

check("SGD with your lr and momentum ends within 0.01 of the minimum", reached is not None and reached < 0.01, points=2,
      feedback={"en": "After 30 steps of SGD with your lr and momentum, p is " + str(None if reached is None else round(reached, 4))
                      + " away from (0, 0); it should be below 0.01.",
                "zh": "用你的 lr 和 momentum 走 30 步 SGD 之后，p 离 (0, 0) 的距离是 " + str(None if reached is None else round(reached, 4))
                      + "；应当小于 0.01。"})
check("torch.optim.SGD takes exactly 30 steps", len(steps) == 30 and all(s["type"] == "SGD" for s in steps),
      feedback={"en": "The budget is 30 steps of torch.optim.SGD; your program took " + str(len(steps)) + " optimizer steps.",
                "zh": "预算是 30 步 torch.optim.SGD；你的程序走了 " + str(len(steps)) + " 步优化器更新。"})
check("your program's p is where these settings lead", reproduced,
      feedback={"en": "Rerunning SGD with your lr and momentum from (-4, 1) on the same valley does not land on your p. "
                      "Set lr and momentum as numbers (momentum from 0 up to, but not including, 1) and keep the loop unchanged.",
                "zh": "用你的 lr 和 momentum 在同一个峡谷上从 (-4, 1) 重新运行 SGD，得不到你的 p。"
                      "请把 lr 和 momentum 设为数值（momentum 在 0 到 1 之间，不含 1），并保持循环不变。"})
if numbers and not reached < 0.01:
    if momentum == 0:
        check("diagnosis: no momentum", False, points=0,
              feedback={"en": "With momentum 0, x shrinks by the factor 1 - lr per step, and lr must stay below 0.1 "
                              "for y to settle: 30 steps cannot bring x close enough.",
                        "zh": "momentum 为 0 时，x 每步乘以 1 - lr，而 lr 必须小于 0.1 才能让 y 稳定下来："
                              "30 步不足以让 x 足够接近 0。"})
    elif not reached < 4.2:
        check("diagnosis: the run moved away", False, points=0,
              feedback={"en": "p ended farther from the minimum than it started: with these settings the steep y "
                              "direction is unstable. Lower lr or momentum.",
                        "zh": "p 最后离最小值比出发时还远：在这些设置下，陡峭的 y 方向不稳定。请降低 lr 或 momentum。"})
    else:
        check("diagnosis: not there yet", False, points=0,
              feedback={"en": "The run is stable but too slow or it circles around the minimum. Try a lr nearer the "
                              "stable limit, or a different momentum.",
                        "zh": "这次运行是稳定的，但太慢，或者在最小值附近绕圈。试试更接近稳定上限的学习率，或换一个动量。"})
