from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
expected = ref["ns"]["final"]
final = ns.get("final")
names = list(expected.keys())
complete = isinstance(final, dict) and all(name in final for name in names)
one_d = [name for name in names if expected[name].ndim < 2]
two_d = [name for name in names if expected[name].ndim >= 2]
wrong_one_d = [name for name in one_d if not (complete and close(final[name], expected[name], rtol=1e-4, atol=1e-6))]
wrong_two_d = [name for name in two_d if not (complete and close(final[name], expected[name], rtol=1e-4, atol=1e-6))]
steps = trace.calls("optimizer.step")

check("every 1-D parameter ends where a decay-free group puts it", complete and len(wrong_one_d) == 0, points=2,
      feedback={"en": "Some 1-D parameters end elsewhere than in a run where no 1-D parameter is decayed. Look at "
                      "which parameters your rule puts in the decayed group.",
                "zh": "有些一维参数的最终值，与“所有一维参数都不衰减”的运行结果不同。看看你的规则把哪些参数放进了衰减组。"})
check("the weight matrices end where decay puts them", complete and len(wrong_two_d) == 0,
      feedback={"en": "The weight matrices differ from a run where they, and only they, are decayed with 0.1. Keep "
                      "AdamW, lr 0.05 and weight_decay 0.1 on their group.",
                "zh": "权重矩阵与“只有它们以 0.1 衰减”的运行结果不同。它们所在的组请保持 AdamW、学习率 0.05、weight_decay 0.1。"})
check("AdamW takes the 60 steps", len(steps) == 60 and all(s["type"] == "AdamW" for s in steps),
      feedback={"en": "The loop should call step() 60 times on one torch.optim.AdamW; your program made "
                      + str(len(steps)) + " optimizer steps.",
                "zh": "循环应当在一个 torch.optim.AdamW 上调用 60 次 step()；你的程序走了 " + str(len(steps)) + " 步。"})
if not isinstance(final, dict):
    check("diagnosis: final is missing", False, points=0,
          feedback={"en": "Keep the last lines that copy every named parameter into final: the checks read it.",
                    "zh": "请保留最后把每个具名参数复制进 final 的那几行：检查要读取它。"})
elif len(wrong_one_d) > 0:
    # the tensors in the learner's decay list are the model's parameters, so their final values name them
    decay = ns.get("decay")
    decayed = [name for name in one_d if isinstance(decay, list) and any(close(t, final[name], rtol=0.0, atol=0.0) for t in decay)]
    if len(decayed) > 0:
        check("diagnosis: 1-D parameters in the decayed group", False, points=0,
              feedback={"en": "Your decayed group holds these 1-D parameters: " + ", ".join(decayed)
                              + ". Does your rule look at what a parameter is, or at what it is called?",
                        "zh": "你的衰减组里有这些一维参数：" + ", ".join(decayed)
                              + "。你的规则看的是参数本身是什么，还是它叫什么名字？"})
