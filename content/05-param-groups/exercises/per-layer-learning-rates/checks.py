from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
head_final = ns.get("head_final")
body_final = ns.get("body_final")
head_start = ns.get("head_start")
lr0 = metrics.get("lr/group0", [])
lr1 = metrics.get("lr/group1", [])

check("the head ends where lr 0.1 with momentum takes it", head_final is not None
      and close(head_final, ref["ns"]["head_final"], rtol=1e-4, atol=1e-6), points=2,
      feedback={"en": "The head's weights and bias are not where 30 steps of SGD (lr 0.1, momentum 0.9) take them. "
                      "Is every one of them in a group?",
                "zh": "head 的权重和偏置不在 30 步 SGD（学习率 0.1，动量 0.9）应到的位置。它们每一个都在某个参数组里吗？"})
check("the body ends where lr 0.01 with momentum takes it", body_final is not None
      and close(body_final, ref["ns"]["body_final"], rtol=1e-4, atol=1e-6),
      feedback={"en": "The body's parameters are not where 30 steps of SGD with lr 0.01 and momentum 0.9 take them; "
                      "keep the body's group as it is.",
                "zh": "body 的参数不在学习率 0.01、动量 0.9 的 SGD 走 30 步之后应到的位置；请保持 body 的参数组不变。"})
check("two groups step with lr 0.01 and 0.1, in that order", len(lr0) == 30 and len(lr1) == 30
      and close(lr0, [0.01] * 30) and close(lr1, [0.1] * 30) and "lr/group2" not in metrics,
      feedback={"en": "The optimizer should have exactly two groups, the body's first with lr 0.01 and the head's "
                      "second with lr 0.1, for all 30 steps. Yours stepped with " + str(len([k for k in metrics if k.startswith("lr/")]))
                      + " group(s).",
                "zh": "优化器应当正好有两个参数组：第一个是 body 的，学习率 0.01；第二个是 head 的，学习率 0.1；"
                      "30 步都如此。你的优化器有 " + str(len([k for k in metrics if k.startswith("lr/")])) + " 个组。"})
if head_final is not None and head_start is not None and close(head_final, head_start):
    check("diagnosis: the head never moved", False, points=0,
          feedback={"en": "The head's parameters are exactly where they started. backward() filled their .grad, but "
                          "step() only updates the tensors listed in its groups.",
                    "zh": "head 的参数和开始时完全一样。backward() 填好了它们的 .grad，但 step() 只更新参数组里列出的张量。"})
