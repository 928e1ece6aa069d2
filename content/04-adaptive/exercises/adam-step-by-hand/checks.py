from optimlab_checks import check, ns, trace, metrics, solution, close
import torch

# the trajectory of torch.optim.Adam itself, the standard the learner's numbers must meet
q = torch.tensor([0.0, 0.0], requires_grad=True)
target = torch.tensor([3.0, -1.0])
adam = torch.optim.Adam([q], lr=0.1, betas=(0.9, 0.999), eps=1e-8)
expected = []
for step in range(5):
    adam.zero_grad()
    ((q - target) ** 2).sum().backward()
    adam.step()
    expected.append(q.detach().clone())

history = ns.get("history", [])
count = len(history) if isinstance(history, list) else 0
check("no torch.optim optimizer does the work", len(trace.calls("optimizer.step")) == 0,
      feedback={"en": "This exercise is about writing the update yourself: leave torch.optim out of it.",
                "zh": "这个练习要求你自己写出更新公式：请不要使用 torch.optim。"})
check("history holds one copy of p per step", count == 5,
      feedback={"en": "history should have 5 entries, one after each step; it has " + str(count) + ".",
                "zh": "history 应当有 5 个元素，每步之后一个；现在有 " + str(count) + " 个。"})
first = count >= 1 and close(history[0], expected[0], rtol=1e-5, atol=1e-6)
check("the first step matches optim.Adam", first, points=2,
      feedback={"en": "Your first step differs from optim.Adam's. On the first step Adam moves every element by almost "
                      "exactly lr: does yours?",
                "zh": "你的第一步与 optim.Adam 不同。第一步时，Adam 让每个元素移动的距离几乎正好是 lr：你的也是这样吗？"})
check("all five steps match optim.Adam", count == 5 and close(history, expected, rtol=1e-5, atol=1e-6), points=2,
      feedback={"en": "Your trajectory drifts away from optim.Adam's. Compare them step by step to find where.",
                "zh": "你的轨迹偏离了 optim.Adam 的轨迹。逐步比较，找出从哪一步开始不同。"})
if count >= 1 and not first and torch.is_tensor(history[0]) and history[0].numel() == 2:
    moved = round(abs(history[0][0].item()), 4)
    check("diagnosis: the size of the first step", False, points=0,
          feedback={"en": "Your first step moved p by " + str(moved) + " along the first axis, about "
                          + str(round(moved / 0.1, 2)) + " times lr. After one step m is only 0.1·g and v only "
                          "0.001·g²: the averages still remember their zero start.",
                    "zh": "你的第一步让 p 在第一个坐标上移动了 " + str(moved) + "，大约是 lr 的 "
                          + str(round(moved / 0.1, 2)) + " 倍。一步之后 m 只有 0.1·g，v 只有 0.001·g²："
                          "这两个平均值还带着从零开始的偏差。"})
