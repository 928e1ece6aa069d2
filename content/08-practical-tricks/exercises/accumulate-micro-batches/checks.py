from optimlab_checks import check, ns, trace, metrics, solution, close
import torch


def full_batch(factor):
    # 10 updates on all 16 samples at once; factor 4 gives the sum of the four micro-batch means
    torch.manual_seed(0)
    x = torch.randn(16, 3)
    y = x @ torch.tensor([[2.0], [-1.0], [0.5]]) + 1.0
    w = torch.zeros(3, 1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=0.1, momentum=0.9)
    for step in range(10):
        optimizer.zero_grad()
        (factor * ((x @ w + b - y) ** 2).mean()).backward()
        optimizer.step()
    return w.detach(), b.detach(), ((x @ w + b - y) ** 2).mean().item()


w_full, b_full, loss_full = full_batch(1.0)
matches = "w" in ns and "b" in ns and close(ns["w"], w_full, rtol=1e-4, atol=1e-6) \
    and close(ns["b"], b_full, rtol=1e-4, atol=1e-6)

check("10 accumulated updates equal 10 full-batch updates", matches, points=2,
      feedback={"en": "w and b after 10 updates differ from training on the 16 samples at once.",
                "zh": "10 次更新之后的 w 和 b 与一次性在 16 个样本上训练的结果不同。"})
check("each update accumulates four micro-batches",
      len(trace.calls("optimizer.step")) == 10 and len(trace.calls("tensor.backward")) == 40
      and trace.order("optimizer.zero_grad", "tensor.backward", "tensor.backward", "tensor.backward",
                      "tensor.backward", "optimizer.step"),
      feedback={"en": "Keep the structure: in each of the 10 steps, clear the gradients once, run backward on each "
                      "of the 4 micro-batches, then take one optimizer step.",
                "zh": "请保持结构不变：10 步中的每一步先清空一次梯度，对 4 个微批次分别调用 backward，再走一次优化器的 step。"})
check("the loss over the whole batch is where full-batch training puts it",
      "full_loss" in ns and close(ns["full_loss"], loss_full, rtol=1e-4),
      feedback={"en": "full_loss after 10 updates is not the full-batch training's loss.",
                "zh": "10 次更新之后的 full_loss 与全批次训练的损失不一致。"})
if not matches and "w" in ns:
    w_sum, b_sum, loss_sum = full_batch(4.0)
    if close(ns["w"], w_sum, rtol=1e-4, atol=1e-6):
        check("diagnosis: the size of the accumulated gradient", False, points=0,
              feedback={"en": "Your updates are exactly those of the SUM of the four micro-batch mean losses, which is "
                              "4 times the mean over the 16 samples: every step was as if lr were 4 times larger.",
                        "zh": "你的更新恰好对应四个微批次平均损失的“总和”，也就是 16 个样本平均损失的 4 倍："
                              "每一步都相当于学习率变成了 4 倍。"})
