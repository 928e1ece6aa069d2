from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
steps = trace.calls("optimizer.step")
loss = metrics.get("loss", [])
expected = ref["metrics"]["loss"]

check("an SGD optimizer takes the 30 steps", len(steps) == 30 and steps[0]["type"] == "SGD",
      feedback={"en": "The loop should call step() 30 times on a torch.optim.SGD optimizer.",
                "zh": "循环应当在一个 torch.optim.SGD 优化器上调用 30 次 step()。"})
check("the first step is plain SGD", len(loss) >= 2 and close(loss[1], expected[1], rtol=1e-4),
      feedback={"en": "Already the second loss differs: check the learning rate.",
                "zh": "第二个损失值就已经不同了：请检查学习率。"})
check("the loss follows Nesterov momentum", len(loss) == 30 and close(loss, expected, rtol=1e-4), points=2,
      feedback={"en": "Your loss curve is not the one of SGD with momentum 0.9 and Nesterov. Which of the two did you set?",
                "zh": "你的损失曲线与动量 0.9、启用 Nesterov 的 SGD 不一致。这两个设置你都加上了吗？"})
check("w ends where Nesterov SGD takes it", "w" in ns and close(ns["w"], ref["ns"]["w"], rtol=1e-4),
      feedback={"en": "w after 30 steps does not match; keep the data and the loop as given.",
                "zh": "30 步之后的 w 不一致；请保持数据和循环不变。"})
