from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
steps = trace.calls("optimizer.step")
backwards = len(trace.calls("tensor.backward"))
final_loss = ns.get("final_loss")

check("w and b end where L-BFGS takes them", "w" in ns and "b" in ns and close(ns["w"], ref["ns"]["w"], rtol=1e-4, atol=1e-6)
      and close(ns["b"], ref["ns"]["b"], rtol=1e-4, atol=1e-6), points=2,
      feedback={"en": "w and b are not where 3 steps of this L-BFGS take them. Keep the optimizer's settings and the "
                      "3 steps, and look at what the closure hands to the optimizer.",
                "zh": "w 和 b 不在这个 L-BFGS 走 3 步之后应到的位置。保持优化器的设置和 3 次 step，"
                      "再看看闭包交给优化器的是什么。"})
check("the line is fitted", isinstance(final_loss, float) and final_loss < 1e-6,
      feedback={"en": "The loss after training is " + repr(final_loss) + "; the points lie exactly on a line, so it "
                      "can reach (almost) zero.",
                "zh": "训练之后的损失是 " + repr(final_loss) + "；这些点恰好在一条直线上，所以损失可以降到（几乎）为零。"})
check("each closure call computes fresh gradients", trace.order("optimizer.zero_grad", "tensor.backward")
      and backwards > len(steps),
      feedback={"en": "L-BFGS calls the closure several times per step, and every call must clear the gradients and "
                      "compute new ones. Your program ran backward() " + str(backwards) + " times in "
                      + str(len(steps)) + " steps.",
                "zh": "L-BFGS 每一步会多次调用闭包，每次调用都必须清空梯度并重新计算。你的程序在 "
                      + str(len(steps)) + " 次 step 中运行了 " + str(backwards) + " 次 backward()。"})
check("one LBFGS optimizer takes 3 steps", len(steps) == 3 and all(s["type"] == "LBFGS" for s in steps),
      feedback={"en": "The exercise keeps 3 calls of step(closure) on torch.optim.LBFGS; your program made "
                      + str(len(steps)) + ".",
                "zh": "本练习要求在 torch.optim.LBFGS 上保持 3 次 step(closure) 调用；你的程序调用了 " + str(len(steps)) + " 次。"})
if backwards == 0 and "w" in ns and close(ns["w"], [0.0]):
    check("diagnosis: the weights never moved", False, points=0,
          feedback={"en": "w is still 0 and backward() never ran: L-BFGS found no gradients, treated them as zero, "
                          "concluded it was at a minimum and returned at once.",
                    "zh": "w 仍然是 0，而 backward() 一次也没有运行：L-BFGS 找不到梯度，把它们当作零，"
                          "认为自己已经到了最小值，于是立刻返回。"})
