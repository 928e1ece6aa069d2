from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
lrs = metrics.get("lr/group0", [])
expected = ref["metrics"]["lr/group0"]
steps = len(trace.calls("optimizer.step"))
scheduled = len(trace.calls("scheduler.step"))

used_all = len(lrs) == 12 and close(lrs, expected)
check("the optimizer uses every rate of the schedule", used_all, points=2,
      feedback={"en": "The rates your optimizer used are not the planned ones: 4 epochs at the initial rate, then "
                      "4 at half of it, then 4 at a quarter.",
                "zh": "优化器实际用到的学习率不是计划中的那些：先用初始学习率走 4 个 epoch，再用它的一半走 4 个，"
                      "最后用四分之一走 4 个。"})
check("the scheduler steps after the optimizer in every epoch", trace.order("optimizer.step", "scheduler.step"),
      feedback={"en": "In some epoch scheduler.step() ran before optimizer.step(): that is what PyTorch's "
                      "UserWarning is about.",
                "zh": "有的 epoch 中 scheduler.step() 在 optimizer.step() 之前运行了：PyTorch 的 UserWarning 说的正是这件事。"})
check("the loop still runs 12 epochs", steps == 12 and scheduled == 12,
      feedback={"en": "Keep 12 epochs with one optimizer step and one scheduler step each; your program made "
                      + str(steps) + " optimizer steps and " + str(scheduled) + " scheduler steps.",
                "zh": "请保持 12 个 epoch，每个 epoch 各调用一次 optimizer.step() 和 scheduler.step()；你的程序调用了 "
                      + str(steps) + " 次 optimizer.step() 和 " + str(scheduled) + " 次 scheduler.step()。"})
check("w and b end where the corrected loop puts them",
      "w" in ns and "b" in ns and close(ns["w"], ref["ns"]["w"], rtol=1e-4) and close(ns["b"], ref["ns"]["b"], rtol=1e-4),
      feedback={"en": "w and b differ from 12 epochs trained with the planned rates; keep the data and the schedule.",
                "zh": "w 和 b 与按计划学习率训练 12 个 epoch 的结果不同；请保持数据和调度器不变。"})
if not used_all and len(lrs) > 0:
    at_start = len([lr for lr in lrs if close(lr, expected[0])])
    check("diagnosis: steps taken at the initial rate", False, points=0,
          feedback={"en": "Your optimizer took " + str(at_start) + " of its steps at the initial rate "
                          + str(expected[0]) + ". StepLR(step_size=4) keeps a rate for 4 steps, so the first value "
                          "of the schedule was skipped or stretched.",
                    "zh": "你的优化器有 " + str(at_start) + " 步使用了初始学习率 " + str(expected[0])
                          + "。StepLR(step_size=4) 每个学习率保持 4 步，所以调度的第一个值被跳过或拉长了。"})
