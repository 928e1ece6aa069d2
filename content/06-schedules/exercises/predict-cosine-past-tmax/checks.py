from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
answer = ns.get("answer")

check("the answer is one of the choices", answer in ["a", "b", "c", "d"],
      feedback={"en": "Set answer to one of \"a\", \"b\", \"c\" or \"d\" (a string), not " + repr(answer) + ".",
                "zh": "请把 answer 设为 \"a\"、\"b\"、\"c\" 或 \"d\" 之一（字符串），而不是 " + repr(answer) + "。"})
check("the experiment ran unchanged", len(trace.calls("scheduler.step")) == 15 and "after_15" in ns
      and close(ns["after_15"], ref["ns"]["after_15"]) and "rates" in ns and close(ns["rates"], ref["ns"]["rates"]),
      feedback={"en": "Run the experiment exactly as given: 15 epochs, one optimizer step and one scheduler step each.",
                "zh": "请原样运行实验：15 个 epoch，每个 epoch 调用一次 optimizer.step() 和一次 scheduler.step()。"})
check("the prediction matches what PyTorch does", answer == ref["ns"]["answer"], points=2,
      feedback={"en": "Not this one. Look at the curve the experiment printed: what happens to the rate after the "
                      "tenth call?",
                "zh": "不是这个选项。看看实验打印出的曲线：第十次调用之后，学习率发生了什么？"})
