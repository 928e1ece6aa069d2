from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
steps = len(trace.calls("optimizer.step"))
backwards = len(trace.calls("tensor.backward"))

check("gradients are computed in every step", backwards == 40,
      feedback={"en": "loss.backward() ran " + str(backwards) + " times in 40 steps: each step needs fresh gradients.",
                "zh": "40 步中 loss.backward() 运行了 " + str(backwards) + " 次：每一步都需要新的梯度。"})
check("the optimizer updates the weights in every step", steps == 40,
      feedback={"en": "optimizer.step() ran " + str(steps) + " times in 40 steps: without it the weights never move.",
                "zh": "40 步中 optimizer.step() 运行了 " + str(steps) + " 次：不调用它，权重就不会改变。"})
check("each step clears, computes, then updates", trace.order("optimizer.zero_grad", "tensor.backward", "optimizer.step"),
      feedback={"en": "The calls are not in the order zero_grad → backward → step in every iteration. "
                      "What does step() use if backward() has not run yet?",
                "zh": "并非每次迭代都按 zero_grad → backward → step 的顺序调用。如果 backward() 还没运行，step() 会用什么梯度？"})
check("the weights end where 40 SGD steps take them", "w" in ns and close(ns["w"], ref["ns"]["w"], rtol=1e-4),
      feedback={"en": "w does not match 40 steps of SGD with lr 0.1; keep the data, the learning rate and the step count.",
                "zh": "w 与学习率 0.1 的 40 步 SGD 的结果不一致；请保持数据、学习率和步数不变。"})
