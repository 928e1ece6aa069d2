from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
steps = len(trace.calls("optimizer.step"))
cleared = trace.order("optimizer.zero_grad", "tensor.backward", "optimizer.step") or \
    trace.order("module.zero_grad", "tensor.backward", "optimizer.step")

check("gradients are cleared before every backward", cleared,
      feedback={"en": "Some step used gradients left over from earlier steps: .grad must be emptied once per "
                      "iteration, before loss.backward().",
                "zh": "有的步骤用到了之前残留的梯度：每次迭代都要在 loss.backward() 之前清空一次 .grad。"})
check("the loop still takes 60 optimizer steps", steps == 60,
      feedback={"en": "The exercise keeps 60 steps; your program called optimizer.step() " + str(steps) + " times.",
                "zh": "本练习要求保持 60 步；你的程序调用了 " + str(steps) + " 次 optimizer.step()。"})
loss = metrics.get("loss", [])
check("the loss settles where plain SGD takes it", len(loss) == 60 and close(loss[-1], ref["metrics"]["loss"][-1], rtol=1e-4),
      feedback={"en": "After 60 steps the loss should be what SGD with lr 0.05 reaches from zero weights. "
                      "Yours ends elsewhere: check the data, the learning rate and the order of the calls.",
                "zh": "60 步之后，损失应当等于学习率 0.05 的 SGD 从零权重出发所达到的值。"
                      "你的结果不同：请检查数据、学习率和调用顺序。"})
fitted = "w" in ns and "b" in ns and close(ns["w"], ref["ns"]["w"], rtol=1e-4) and close(ns["b"], ref["ns"]["b"], rtol=1e-4)
check("w and b end where the fixed loop puts them", fitted, points=2,
      feedback={"en": "w and b do not match a correctly cleared loop after 60 steps.",
                "zh": "60 步之后，w 和 b 与正确清空梯度的循环得到的结果不一致。"})
if not cleared and len(loss) > 1:
    check("diagnosis: the loss does not fall steadily", False, points=0,
          feedback={"en": "Your loss went from " + str(round(loss[0], 4)) + " to " + str(round(loss[-1], 4))
                          + ": stale gradients keep pushing the weights past the minimum.",
                    "zh": "你的损失从 " + str(round(loss[0], 4)) + " 变为 " + str(round(loss[-1], 4))
                          + "：残留的梯度不断把权重推过最小值。"})
