from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
answer = ns.get("answer")
names = ["buffers_before", "buffers_after", "lr_before", "lr_after"]

check("the answer is one of the choices", answer in ["a", "b", "c", "d"],
      feedback={"en": "Set answer to one of \"a\", \"b\", \"c\" or \"d\" (a string), not " + repr(answer) + ".",
                "zh": "请把 answer 设为 \"a\"、\"b\"、\"c\" 或 \"d\" 之一（字符串），而不是 " + repr(answer) + "。"})
check("the experiment ran unchanged", len(trace.calls("optimizer.step")) == 4 and len(trace.calls("torch.load")) == 1
      and all([n in ns and close(ns[n], ref["ns"][n]) for n in names]),
      feedback={"en": "Run the experiment exactly as given: 4 epochs, save the model, build again, load the model.",
                "zh": "请原样运行实验：训练 4 个 epoch，保存模型，重新构建，再加载模型。"})
check("the prediction matches what PyTorch does", answer == ref["ns"]["answer"], points=2,
      feedback={"en": "Not this one. Compare your choice with the two lines the experiment printed: which of them "
                      "changed between the sessions?",
                "zh": "不是这个选项。把你的选择和实验打印出的两行比较一下：两次会话之间，哪些东西变了？"})
