from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
answer = ns.get("answer")

check("the answer is one of the choices", answer in ["a", "b", "c", "d"],
      feedback={"en": "Set answer to one of \"a\", \"b\", \"c\" or \"d\" (a string), not " + repr(answer) + ".",
                "zh": "请把 answer 设为 \"a\"、\"b\"、\"c\" 或 \"d\" 之一（字符串），而不是 " + repr(answer) + "。"})
check("the experiment ran unchanged", "lrs" in ns and close(ns["lrs"], ref["ns"]["lrs"]),
      feedback={"en": "Run the experiment exactly as given: build the optimizer, lower the first group's lr to 0.05, "
                      "add the body's group, then read every group's lr into lrs.",
                "zh": "请原样运行实验：创建优化器，把第一个组的 lr 降到 0.05，加入 body 的参数组，然后把每个组的 lr 读进 lrs。"})
check("the prediction matches what PyTorch does", answer == ref["ns"]["answer"], points=2,
      feedback={"en": "Not this one. Look at the learning rates the experiment printed, and ask where the optimizer "
                      "keeps the values it fills missing keys from.",
                "zh": "不是这个选项。看看实验打印出的学习率，再想一想：优化器用来补全缺失键的那些值保存在哪里？"})
