from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
answer = ns.get("answer")

check("the answer is one of the choices", answer in ["a", "b", "c", "d"],
      feedback={"en": "Set answer to one of \"a\", \"b\", \"c\" or \"d\" (a string), not " + repr(answer) + ".",
                "zh": "请把 answer 设为 \"a\"、\"b\"、\"c\" 或 \"d\" 之一（字符串），而不是 " + repr(answer) + "。"})
check("the experiment ran unchanged", len(trace.calls("optimizer.step")) == 6 and "ys" in ns
      and close(ns["ys"], ref["ns"]["ys"]),
      feedback={"en": "Run the experiment exactly as given: six SGD steps with lr 0.1 from (-4, 1), recording y in ys.",
                "zh": "请原样运行实验：从 (-4, 1) 出发，用学习率 0.1 走六步 SGD，并把 y 记录在 ys 中。"})
check("the prediction matches what PyTorch does", answer == ref["ns"]["answer"], points=2,
      feedback={"en": "Not this one. Look at the ys the experiment printed, and work out 1 - 20·lr for lr = 0.1: "
                      "is its size below, at or above 1?",
                "zh": "不是这个选项。看看实验打印出的 ys，再算一算 lr = 0.1 时的 1 - 20·lr：它的绝对值小于、等于还是大于 1？"})
