from optimlab_checks import check, ns, trace, metrics, solution, close
import torch

# the uninterrupted run: 120 Adam steps in one go
torch.manual_seed(0)
x = torch.randn(64, 4)
y = x @ torch.tensor([[0.5], [-1.0], [2.0], [0.0]]) - 1.0
torch.manual_seed(2)
model = torch.nn.Linear(4, 1)
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
for step in range(120):
    loss = torch.nn.functional.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

ref = solution()
losses = metrics.get("loss", [])
expected = ref["metrics"]["loss"]
steps = len(trace.calls("optimizer.step"))
exact = "weight" in ns and "bias" in ns and torch.equal(ns["weight"], model.weight.detach()) \
    and torch.equal(ns["bias"], model.bias.detach())

check("the 120 steps equal an uninterrupted run", exact, points=2,
      feedback={"en": "weight and bias after resuming are not exactly those of 120 uninterrupted Adam steps.",
                "zh": "恢复训练后的 weight 和 bias 与不间断地走 120 步 Adam 的结果并不完全相同。"})
check("the loss keeps falling smoothly after resuming",
      len(losses) == 120 and close(losses[100:], expected[100:], rtol=1e-4, atol=1e-9),
      feedback={"en": "The 20 losses after resuming are not those of a run that never stopped.",
                "zh": "恢复之后的 20 个损失值与从未中断的训练不一致。"})
check("the program still saves, loads and takes 120 steps",
      steps == 120 and len(trace.calls("torch.save")) == 1 and len(trace.calls("torch.load")) == 1,
      feedback={"en": "Keep one save after 100 steps, one load, and 20 more steps; your program took "
                      + str(steps) + " steps.",
                "zh": "请保持 100 步之后保存一次、加载一次、再走 20 步；你的程序一共走了 " + str(steps) + " 步。"})
if not exact and len(losses) > 101 and losses[101] > 10 * losses[100]:
    check("diagnosis: the first steps after resuming", False, points=0,
          feedback={"en": "Right after resuming the loss went from " + str(round(losses[100], 7)) + " to "
                          + str(round(losses[101], 7)) + ": the weights were restored, but Adam behaved like a new "
                          "optimizer taking its very first steps.",
                    "zh": "恢复之后，损失从 " + str(round(losses[100], 7)) + " 变成了 " + str(round(losses[101], 7))
                          + "：权重恢复了，但 Adam 的表现就像一个刚刚迈出第一步的新优化器。"})
