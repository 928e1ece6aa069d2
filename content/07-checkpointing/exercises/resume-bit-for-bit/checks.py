from optimlab_checks import check, ns, trace, metrics, solution, close
import torch

# the uninterrupted run: 8 epochs in one go, the standard the resumed run must meet exactly
torch.manual_seed(0)
x = torch.randn(32, 3)
y = x @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.3
torch.manual_seed(1)
model = torch.nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.5)
expected_lrs = []
for epoch in range(8):
    expected_lrs.append(optimizer.param_groups[0]["lr"])
    loss = torch.nn.functional.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    scheduler.step()

steps = trace.calls("optimizer.step")
saves = trace.calls("torch.save")
loads = trace.calls("torch.load")
lrs = metrics.get("lr/group0", [])
exact = "weight" in ns and "bias" in ns and torch.equal(ns["weight"], model.weight.detach()) \
    and torch.equal(ns["bias"], model.bias.detach())

check("the resumed run equals the uninterrupted one, bit for bit", exact, points=2,
      feedback={"en": "weight and bias after the second session are not exactly those of 8 uninterrupted epochs.",
                "zh": "第二次会话结束后的 weight 和 bias 与不间断训练 8 个 epoch 的结果并不完全相同。"})
check("the second session restores from the saved file",
      len(saves) == 1 and len(loads) == 1 and saves[0]["order"] < loads[0]["order"],
      feedback={"en": "Save the checkpoint once with torch.save and read it back once with torch.load in the second session.",
                "zh": "请用 torch.save 保存一次检查点，并在第二次会话中用 torch.load 读回一次。"})
check("8 epochs are trained in all", len(steps) == 8,
      feedback={"en": "The two sessions together took " + str(len(steps)) + " optimizer steps instead of 8.",
                "zh": "两次会话一共走了 " + str(len(steps)) + " 步，而不是 8 步。"})
check("the learning rate continues the schedule after resuming", len(lrs) == 8 and close(lrs, expected_lrs),
      feedback={"en": "The rates used across the two sessions are not those of the uninterrupted schedule.",
                "zh": "两次会话中用到的学习率与不间断训练时的调度不一致。"})
if not exact:
    after = [s for s in steps if len(loads) > 0 and s["order"] > loads[0]["order"]]
    if len(after) != 4:
        check("diagnosis: where the second session starts", False, points=0,
              feedback={"en": "The second session trained " + str(len(after)) + " epochs, but only 4 were left: "
                              "the checkpoint should tell it where to continue.",
                        "zh": "第二次会话训练了 " + str(len(after)) + " 个 epoch，但只剩下 4 个：检查点应当告诉它从哪里继续。"})
    if len(lrs) >= 5 and not close(lrs[4:], expected_lrs[4:4 + len(lrs[4:])]):
        check("diagnosis: the schedule after resuming", False, points=0,
              feedback={"en": "After resuming, the rate was " + str(lrs[4]) + " where the schedule had reached "
                              + str(expected_lrs[4]) + ": the scheduler started counting again.",
                        "zh": "恢复之后，学习率是 " + str(lrs[4]) + "，而调度本应已经到了 " + str(expected_lrs[4])
                              + "：调度器又从头开始计数了。"})
    elif len(after) == 4:
        check("diagnosis: the optimizer's memory", False, points=0,
              feedback={"en": "Epochs and rates are right, yet the weights differ: something else the optimizer "
                              "carries from step to step was not restored.",
                        "zh": "epoch 数和学习率都对，但权重不同：优化器在步与步之间携带的其他东西没有被恢复。"})
