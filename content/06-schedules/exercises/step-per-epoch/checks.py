from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
lrs = metrics.get("lr/group0", [])
expected = ref["metrics"]["lr/group0"]
steps = len(trace.calls("optimizer.step"))
scheduled = len(trace.calls("scheduler.step"))

check("the rate follows the per-epoch plan in every batch", len(lrs) == 24 and close(lrs, expected), points=2,
      feedback={"en": "The rates your optimizer used do not halve every 2 epochs (every 8 batches). Look at how "
                      "often the rate changed.",
                "zh": "优化器用到的学习率并不是每 2 个 epoch（每 8 个批次）减半一次。看看学习率多久变化一次。"})
check("the scheduler is stepped once per epoch", scheduled == 6,
      feedback={"en": "scheduler.step() ran " + str(scheduled) + " times in 6 epochs.",
                "zh": "6 个 epoch 中 scheduler.step() 运行了 " + str(scheduled) + " 次。"})
check("the optimizer still steps after every batch", steps == 24,
      feedback={"en": "6 epochs of 4 batches need 24 optimizer steps; your program made " + str(steps) + ".",
                "zh": "6 个 epoch、每个 4 个批次，需要 24 次 optimizer.step()；你的程序调用了 " + str(steps) + " 次。"})
check("w and b end where the per-epoch schedule takes them",
      "w" in ns and "b" in ns and close(ns["w"], ref["ns"]["w"], rtol=1e-4) and close(ns["b"], ref["ns"]["b"], rtol=1e-4),
      feedback={"en": "w and b differ from 6 epochs trained with the per-epoch schedule.",
                "zh": "w 和 b 与按 epoch 调度训练 6 个 epoch 的结果不同。"})
if scheduled > 6 and len(lrs) > 0:
    halvings = scheduled // 2
    check("diagnosis: the rate was halved far too often", False, points=0,
          feedback={"en": "Your schedule was stepped " + str(scheduled) + " times, so it halved the rate about "
                          + str(halvings) + " times; the last batches ran at " + str(lrs[-1])
                          + ", too small to move the weights.",
                    "zh": "你的调度器被调用了 " + str(scheduled) + " 次，因此学习率大约减半了 " + str(halvings)
                          + " 次；最后几个批次的学习率只有 " + str(lrs[-1]) + "，小得几乎无法移动权重。"})
