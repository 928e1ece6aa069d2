from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
steps = len(trace.calls("optimizer.step"))
trained = "weight" in ns and close(ns["weight"], ref["ns"]["weight"], rtol=1e-4, atol=1e-6)

check("the model trains as plain clipped training does", trained, points=2,
      feedback={"en": "The weights after 30 steps differ from those of the same loop without a scaler.",
                "zh": "30 步之后的权重与不使用缩放器的同样循环得到的权重不同。"})
check("the gradients are unscaled before they are clipped",
      trace.order("tensor.backward", "scaler.unscale_", "clip_grad_norm_", "scaler.step"),
      feedback={"en": "In every iteration clip_grad_norm_ should see gradients that have already been divided by "
                      "the scale, between backward and scaler.step.",
                "zh": "在每次迭代中，clip_grad_norm_ 看到的都应当是已经除以缩放因子的梯度，位置在 backward 和 scaler.step 之间。"})
check("the final loss is the one of plain clipped training",
      "final_loss" in ns and close(ns["final_loss"], ref["ns"]["final_loss"], rtol=1e-4),
      feedback={"en": "final_loss after 30 steps is not where plain clipped training ends.",
                "zh": "30 步之后的 final_loss 与普通的带裁剪训练的结果不同。"})
check("the scaler lets all 30 steps through", steps == 30 and len(trace.calls("scaler.step")) == 30,
      feedback={"en": "The optimizer stepped " + str(steps) + " times: keep 30 iterations, each ending in "
                      "scaler.step(optimizer) and scaler.update().",
                "zh": "优化器走了 " + str(steps) + " 步：请保持 30 次迭代，每次以 scaler.step(optimizer) 和 scaler.update() 结束。"})
if not trained and "final_loss" in ns:
    first = metrics.get("loss", [0.0])[0]
    check("diagnosis: the size of the clipped steps", False, points=0,
          feedback={"en": "Your final loss is " + str(round(ns["final_loss"], 4)) + ": the weights barely moved. The "
                          "loss that went into backward() was " + str(round(first, 1)) + ", the true loss times the "
                          "scale, and so were the gradients that clipping measured.",
                    "zh": "你的最终损失是 " + str(round(ns["final_loss"], 4)) + "：权重几乎没有移动。传入 backward() 的损失是 "
                          + str(round(first, 1)) + "，也就是真实损失乘以缩放因子，裁剪时测量的梯度也同样被放大了。"})
