from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
steps = trace.calls("optimizer.step")
loss = metrics.get("loss", [])
expected = ref["metrics"]["loss"]

check("the loss follows Adam with its usual betas", len(loss) == 100 and close(loss, expected, rtol=1e-4), points=2,
      feedback={"en": "Your loss curve is not that of Adam with a short memory for the gradient and a long one for "
                      "its square. Check which beta belongs to which average.",
                "zh": "你的损失曲线不是“梯度用短记忆、梯度平方用长记忆”的 Adam 应有的曲线。检查一下哪个 beta 属于哪个平均值。"})
check("w ends where that Adam takes it", "w" in ns and close(ns["w"], ref["ns"]["w"], rtol=1e-4),
      feedback={"en": "w after 100 steps does not match; keep lr 0.1, the data and the loop as given.",
                "zh": "100 步之后的 w 不一致；请保持学习率 0.1、数据和循环不变。"})
check("an Adam optimizer takes the 100 steps", len(steps) == 100 and all(s["type"] == "Adam" for s in steps),
      feedback={"en": "The loop should call step() 100 times on a torch.optim.Adam optimizer; it made "
                      + str(len(steps)) + " optimizer steps.",
                "zh": "循环应当在一个 torch.optim.Adam 优化器上调用 100 次 step()；它实际走了 " + str(len(steps)) + " 步。"})
if len(loss) == 100 and not close(loss, expected, rtol=1e-4) and close(loss[1], expected[1], rtol=1e-4):
    check("diagnosis: the first step is right, the later ones are not", False, points=0,
          feedback={"en": "Your second loss equals the expected one: with bias correction, Adam's first step is lr "
                          "times the sign of the gradient whatever the betas. The betas only show afterwards. Your "
                          "loss ended at " + str(round(loss[-1], 4)) + ".",
                    "zh": "你的第二个损失值与预期相同：有了偏差修正，不论 betas 是多少，Adam 的第一步都是 lr 乘以梯度的符号。"
                          "betas 的作用在之后才显现。你的损失最后是 " + str(round(loss[-1], 4)) + "。"})
