from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
answer = ns.get("answer")

check("the answer is one of the choices", answer in ["a", "b", "c", "d"],
      feedback={"en": "Set answer to one of \"a\", \"b\", \"c\" or \"d\" (a string), not " + repr(answer) + ".",
                "zh": "请把 answer 设为 \"a\"、\"b\"、\"c\" 或 \"d\" 之一（字符串），而不是 " + repr(answer) + "。"})
check("the experiment ran unchanged", len(trace.calls("clip_grad_norm_")) == 1
      and "returned" in ns and close(ns["returned"], ref["ns"]["returned"])
      and "clipped" in ns and close(ns["clipped"], ref["ns"]["clipped"]),
      feedback={"en": "Run the experiment exactly as given: one clip_grad_norm_ call on the gradient [6.0, 8.0].",
                "zh": "请原样运行实验：对梯度 [6.0, 8.0] 调用一次 clip_grad_norm_。"})
check("the prediction matches what PyTorch does", answer == ref["ns"]["answer"], points=2,
      feedback={"en": "Not this one. The experiment printed both the returned value and the gradient afterwards: "
                      "which of the two has length 1?",
                "zh": "不是这个选项。实验同时打印了返回值和之后的梯度：两者之中，哪一个的长度是 1？"})
