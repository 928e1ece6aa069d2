from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
answer = ns.get("answer")

check("the answer is one of the choices", answer in ["a", "b", "c", "d"],
      feedback={"en": "Set answer to one of \"a\", \"b\", \"c\" or \"d\" (a string), not " + repr(answer) + ".",
                "zh": "请把 answer 设为 \"a\"、\"b\"、\"c\" 或 \"d\" 之一（字符串），而不是 " + repr(answer) + "。"})
check("the experiment ran unchanged", len(trace.calls("optimizer.step")) == 1 and "after_one_step" in ns
      and close(ns["after_one_step"], ref["ns"]["after_one_step"]),
      feedback={"en": "Run the experiment exactly as given: one zero_grad, one backward, one step.",
                "zh": "请原样运行实验：一次 zero_grad、一次 backward、一次 step。"})
check("the prediction matches what PyTorch does", answer == ref["ns"]["answer"], points=2,
      feedback={"en": "Not this one. If dampening had scaled the first gradient, how far would p have moved? "
                      "Compare with what the experiment printed.",
                "zh": "不是这个选项。如果 dampening 缩放了第一次的梯度，p 会移动多少？和实验打印的结果比较一下。"})
