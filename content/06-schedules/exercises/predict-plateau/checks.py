from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
answer = ns.get("answer")

check("the answer is one of the choices", answer in ["a", "b", "c", "d"],
      feedback={"en": "Set answer to one of \"a\", \"b\", \"c\" or \"d\" (a string), not " + repr(answer) + ".",
                "zh": "请把 answer 设为 \"a\"、\"b\"、\"c\" 或 \"d\" 之一（字符串），而不是 " + repr(answer) + "。"})
check("the experiment ran unchanged", len(trace.calls("scheduler.step")) == 5 and "rates" in ns
      and close(ns["rates"], ref["ns"]["rates"]),
      feedback={"en": "Run the experiment exactly as given: five epochs, each passing its validation loss to scheduler.step().",
                "zh": "请原样运行实验：五个 epoch，每个都把自己的验证损失传给 scheduler.step()。"})
check("the prediction matches what PyTorch does", answer == ref["ns"]["answer"], points=2,
      feedback={"en": "Not this one. The experiment printed the count of epochs without improvement after each call: "
                      "follow it, and look closely at 0.79995.",
                "zh": "不是这个选项。实验在每次调用之后都打印了没有改进的 epoch 数：跟着它看一遍，并仔细看看 0.79995 那一行。"})
