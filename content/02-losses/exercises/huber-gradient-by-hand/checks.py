from optimlab_checks import check, ns, trace, metrics, solution, close
import torch
import torch.nn as nn

# what autograd puts in pred.grad: the standard the learner's numbers must meet
pred = torch.tensor([0.2, -1.5, 3.0, 0.9, -0.4], requires_grad=True)
target = torch.tensor([0.0, 0.5, 0.5, 1.0, -3.0])
nn.HuberLoss(delta=1.5)(pred, target).backward()
expected = pred.grad
errors = (pred - target).detach()
small = errors.abs() <= 1.5

grad = ns.get("grad")
shaped = torch.is_tensor(grad) and grad.numel() == 5
check("no autograd does the work", len(trace.calls("tensor.backward")) == 0,
      feedback={"en": "This exercise is about deriving the gradient yourself: leave backward() out of it.",
                "zh": "这个练习要求你自己推导梯度：请不要调用 backward()。"})
check("grad equals autograd's gradient", shaped and close(grad, expected, rtol=1e-5, atol=1e-7), points=2,
      feedback={"en": "grad is not the gradient autograd computes for HuberLoss(delta=1.5). Compare the elements one by one.",
                "zh": "grad 与自动求导为 HuberLoss(delta=1.5) 算出的梯度不一致。请逐个元素比较。"})
check("the elements with small errors are right", shaped and close(grad[small], expected[small], rtol=1e-5, atol=1e-7),
      feedback={"en": "Where |pred - target| ≤ 1.5, Huber is the squared error ½e², averaged: your values there differ.",
                "zh": "在 |pred - target| ≤ 1.5 的地方，Huber 是平方误差 ½e² 再取平均：你在这些位置的值不对。"})
check("the elements with large errors are right", shaped and close(grad[~small], expected[~small], rtol=1e-5, atol=1e-7),
      feedback={"en": "Where |pred - target| > 1.5, Huber grows only linearly, so its slope no longer follows the error.",
                "zh": "在 |pred - target| > 1.5 的地方，Huber 只按线性增长，所以它的斜率不再随误差变化。"})
if shaped and not close(grad, expected, rtol=1e-5, atol=1e-7) and close(grad, expected * 5, rtol=1e-5, atol=1e-7):
    check("diagnosis: five times too large", False, points=0,
          feedback={"en": "Every element is exactly 5 times autograd's value: the loss is a mean over 5 elements.",
                    "zh": "每个元素都恰好是自动求导结果的 5 倍：这个损失是对 5 个元素取的平均。"})
if shaped and not close(grad[~small], expected[~small], rtol=1e-5, atol=1e-7):
    largest = round(grad[~small].abs().max().item() * 5, 4)
    check("diagnosis: a large error pulls too hard", False, points=0,
          feedback={"en": "Times the 5 elements, your largest gradient is " + str(largest) + ", beyond the threshold "
                          "delta = 1.5: Huber caps how hard one outlier can pull.",
                    "zh": "乘以元素个数 5 之后，你最大的梯度是 " + str(largest) + "，超过了阈值 delta = 1.5："
                          "Huber 限制了单个离群点的拉力。"})
