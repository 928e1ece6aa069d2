from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
answer = ns.get("answer")
steps = trace.calls("optimizer.step")
results = ns.get("results")

check("the answer is one of the choices", answer in ["a", "b", "c", "d"],
      feedback={"en": "Set answer to one of \"a\", \"b\", \"c\" or \"d\" (a string), not " + repr(answer) + ".",
                "zh": "请把 answer 设为 \"a\"、\"b\"、\"c\" 或 \"d\" 之一（字符串），而不是 " + repr(answer) + "。"})
check("the experiment ran unchanged", len(steps) == 2 and [s["type"] for s in steps] == ["Adam", "AdamW"]
      and isinstance(results, dict) and "Adam" in results and "AdamW" in results
      and close(results["Adam"], ref["ns"]["results"]["Adam"]) and close(results["AdamW"], ref["ns"]["results"]["AdamW"]),
      feedback={"en": "Run the experiment exactly as given: one Adam step and one AdamW step, each from [2.0, 0.01].",
                "zh": "请原样运行实验：从 [2.0, 0.01] 出发，Adam 和 AdamW 各走一步。"})
check("the prediction matches what PyTorch does", answer == ref["ns"]["answer"], points=2,
      feedback={"en": "Not this one. Compare with what the experiment printed. For each optimizer, ask whether the "
                      "decay goes into the gradient, where Adam's normalisation rescales it, or straight onto the weights.",
                "zh": "不是这个选项。和实验打印的结果比较一下。对每个优化器想一想：衰减是加进梯度里（会被 Adam 的归一化重新缩放），"
                      "还是直接作用在权重上？"})
