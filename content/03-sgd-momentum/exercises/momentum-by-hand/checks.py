from optimlab_checks import check, ns, trace, metrics, solution, close
import torch

# the trajectory of torch.optim.SGD itself, the standard the learner's numbers must meet
q = torch.tensor([0.0, 0.0], requires_grad=True)
target = torch.tensor([3.0, -1.0])
sgd = torch.optim.SGD([q], lr=0.1, momentum=0.9)
expected = []
for step in range(5):
    sgd.zero_grad()
    ((q - target) ** 2).sum().backward()
    sgd.step()
    expected.append(q.detach().clone())

history = ns.get("history", [])
check("no torch.optim optimizer does the work", len(trace.calls("optimizer.step")) == 0,
      feedback={"en": "This exercise is about writing the update yourself: leave torch.optim out of it.",
                "zh": "这个练习要求你自己写出更新公式：请不要使用 torch.optim。"})
check("history holds one copy of p per step", len(history) == 5,
      feedback={"en": "history should have 5 entries, one after each step; it has " + str(len(history)) + ".",
                "zh": "history 应当有 5 个元素，每步之后一个；现在有 " + str(len(history)) + " 个。"})
first = len(history) >= 1 and close(history[0], expected[0])
check("the first step matches optim.SGD", first, points=2,
      feedback={"en": "Your first step differs from optim.SGD's. What does PyTorch put in the buffer the first time?",
                "zh": "你的第一步与 optim.SGD 不同。PyTorch 第一次往缓冲里放的是什么？"})
check("all five steps match optim.SGD", len(history) == 5 and close(history, expected), points=2,
      feedback={"en": "Your trajectory drifts away from optim.SGD's. Compare them step by step to find where.",
                "zh": "你的轨迹偏离了 optim.SGD 的轨迹。逐步比较，找出从哪一步开始不同。"})
if len(history) == 5 and not first:
    check("diagnosis: the first step is too short", False, points=0,
          feedback={"en": "Your first step moved p by " + str(round(abs(history[0][0].item()), 4))
                          + " along the first axis; optim.SGD moves it by " + str(round(abs(expected[0][0].item()), 4)) + ".",
                    "zh": "你的第一步让 p 在第一个坐标上移动了 " + str(round(abs(history[0][0].item()), 4))
                          + "；optim.SGD 移动了 " + str(round(abs(expected[0][0].item()), 4)) + "。"})
