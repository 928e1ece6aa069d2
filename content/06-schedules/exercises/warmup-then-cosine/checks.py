from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
lrs = metrics.get("lr/group0", [])
expected = ref["metrics"]["lr/group0"]
steps = trace.calls("optimizer.step")
scheduled = trace.calls("scheduler.step")

matches = len(lrs) == 20 and close(lrs, expected, rtol=1e-6)
check("the learning rates follow the target curve", matches, points=2,
      feedback={"en": "The 20 rates your optimizer used are not the target warmup-then-cosine curve.",
                "zh": "优化器用到的 20 个学习率与目标的“先预热、再余弦”曲线不一致。"})
check("one scheduler is stepped after every optimizer step",
      len(steps) == 20 and len(scheduled) == 20 and len(set([c["id"] for c in scheduled])) == 1
      and trace.order("optimizer.step", "scheduler.step"),
      feedback={"en": "Keep the loop: 20 optimizer steps, each followed by one step of `scheduler`, which should "
                      "drive the other two schedulers itself.",
                "zh": "请保持循环不变：20 次 optimizer.step()，每次之后调用一次 `scheduler.step()`，"
                      "由它自己去驱动另外两个调度器。"})
check("the scheduler hands over from one schedule to another",
      len(scheduled) > 0 and scheduled[0]["type"] == "SequentialLR",
      feedback={"en": "`scheduler` should be a SequentialLR that runs the warmup first and the cosine after it.",
                "zh": "`scheduler` 应当是一个 SequentialLR：先运行预热，再运行余弦调度。"})
check("w ends where the scheduled run takes it", "w" in ns and close(ns["w"], ref["ns"]["w"], rtol=1e-4),
      feedback={"en": "w after 20 steps differs from the run with the target schedule; keep the data and the optimizer.",
                "zh": "20 步之后的 w 与使用目标调度的结果不同；请保持数据和优化器不变。"})
if not matches and len(lrs) == 20:
    if not close(lrs[:5], expected[:5], rtol=1e-6):
        check("diagnosis: the warmup", False, points=0,
              feedback={"en": "Your first five rates are " + str([round(v, 4) for v in lrs[:5]])
                              + ": the warmup should start at a fifth of 0.1 and climb in equal steps.",
                        "zh": "你的前五个学习率是 " + str([round(v, 4) for v in lrs[:5]])
                              + "：预热应当从 0.1 的五分之一开始，并以相同的步长上升。"})
    if not close(lrs[5:], expected[5:], rtol=1e-6):
        check("diagnosis: the cosine", False, points=0,
              feedback={"en": "From step 5 on your rates go from " + str(round(lrs[5], 4)) + " to "
                              + str(round(lrs[-1], 4)) + ": the cosine should start at the full rate at the "
                              "milestone and be on its way to 0 over the 15 steps that are left.",
                        "zh": "从第 5 步起，你的学习率从 " + str(round(lrs[5], 4)) + " 变到 " + str(round(lrs[-1], 4))
                              + "：余弦调度应当在里程碑处从完整的学习率开始，并在剩下的 15 步内向 0 下降。"})
