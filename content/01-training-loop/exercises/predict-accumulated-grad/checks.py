from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
answer = ns.get("answer")
letters = ["a", "b", "c", "d"]

check("the answer is one of the choices", answer in letters,
      feedback={"en": "Set answer to one of \"a\", \"b\", \"c\" or \"d\" (a string), not " + repr(answer) + ".",
                "zh": "请把 answer 设为 \"a\"、\"b\"、\"c\" 或 \"d\" 之一（字符串），而不是 " + repr(answer) + "。"})
check("the experiment ran unchanged", len(trace.calls("tensor.backward")) == 2 and "observed" in ns
      and close(ns["observed"], ref["ns"]["observed"]),
      feedback={"en": "Run the experiment exactly as given: two backward passes, then read w.grad into observed.",
                "zh": "请原样运行实验：两次反向传播，然后把 w.grad 读入 observed。"})
check("the prediction matches what PyTorch does", answer == ref["ns"]["answer"], points=2,
      feedback={"en": "Not this one. Compare your choice with the value the experiment printed, and ask what "
                      "backward() does to a .grad that is not empty.",
                "zh": "不是这个选项。把你的选择和实验打印出的值比较一下，并想一想 backward() 会如何处理不为空的 .grad。"})
