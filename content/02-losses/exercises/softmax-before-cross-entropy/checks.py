from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
loss = metrics.get("loss", [])
expected = ref["metrics"]["loss"]
steps = len(trace.calls("optimizer.step"))

check("the loss follows cross-entropy on the raw scores", len(loss) == 100 and close(loss, expected, rtol=1e-4), points=2,
      feedback={"en": "Your loss curve is not the one of CrossEntropyLoss applied to the logits. Which tensor reaches "
                      "the loss function, and has anything squashed it first?",
                "zh": "你的损失曲线与直接对 logits 计算 CrossEntropyLoss 的曲线不一致。传给损失函数的是哪个张量？"
                      "它之前有没有被压缩过？"})
check("w and b end where the fixed loop puts them", "w" in ns and "b" in ns and close(ns["w"], ref["ns"]["w"], rtol=1e-4)
      and close(ns["b"], ref["ns"]["b"], rtol=1e-4),
      feedback={"en": "w and b differ from those of the fixed loop after 100 steps; keep the data, lr 0.5 and the steps.",
                "zh": "100 步之后，w 和 b 与修正后的循环得到的结果不一致；请保持数据、学习率 0.5 和步数不变。"})
accuracy = ns.get("accuracy")
shown = str(round(accuracy, 2)) if isinstance(accuracy, float) else repr(accuracy)
check("every point is classified correctly", accuracy == 1.0,
      feedback={"en": "Some points are still in the wrong class (accuracy " + shown + "): the "
                      "gradients that reach w and b are too weak to separate the classes.",
                "zh": "仍有一些点被分错（准确率 " + shown + "）：传到 w 和 b 的梯度太弱，无法把各类分开。"})
check("the loop still takes 100 SGD steps", steps == 100,
      feedback={"en": "The exercise keeps 100 steps; your program called optimizer.step() " + str(steps) + " times.",
                "zh": "本练习要求保持 100 步；你的程序调用了 " + str(steps) + " 次 optimizer.step()。"})
if len(loss) > 0 and min(loss) > 0.55:
    check("diagnosis: the loss never went below 0.55", False, points=0,
          feedback={"en": "Your lowest loss was " + str(round(min(loss), 4)) + ". With three classes, cross-entropy "
                          "cannot go below log(1 + 2/e) ≈ 0.5514 when every input lies in [0, 1]: the best it can see "
                          "is a score of 1 against two scores of 0. Raw scores have no such floor.",
                    "zh": "你的最低损失是 " + str(round(min(loss), 4)) + "。三个类别时，如果每个输入都在 [0, 1] 之间，"
                          "交叉熵不可能低于 log(1 + 2/e) ≈ 0.5514：它能看到的最好情况是一个 1 对两个 0。"
                          "原始分数没有这样的下限。"})
