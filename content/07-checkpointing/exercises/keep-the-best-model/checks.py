from optimlab_checks import check, ns, trace, metrics, solution, close

ref = solution()
val_losses = ns.get("val_losses", [])
restored = ns.get("restored_loss")
best = ns.get("best_loss")
same_training = len(trace.calls("optimizer.step")) == 10 and close(val_losses, ref["ns"]["val_losses"], rtol=1e-5)

check("the restored model scores the best validation loss",
      same_training and close(restored, ref["ns"]["best_loss"], rtol=1e-5), points=2,
      feedback={"en": "After loading best_state, the model does not score the best validation loss of the run.",
                "zh": "加载 best_state 之后，模型的得分并不是这次训练中最好的验证损失。"})
check("the model is back at the best epoch's weights",
      "restored_weight" in ns and close(ns["restored_weight"], ref["ns"]["restored_weight"]),
      feedback={"en": "The weights loaded after training are not those of the best epoch.",
                "zh": "训练结束后加载的权重不是最佳 epoch 的权重。"})
check("the training itself is unchanged", same_training and ns.get("best_epoch") == ref["ns"]["best_epoch"],
      feedback={"en": "Keep the 10 epochs and the learning rate: the validation losses should stay those of the original run.",
                "zh": "请保持 10 个 epoch 和学习率不变：验证损失应当与原来的训练一致。"})
if same_training and not close(restored, ref["ns"]["best_loss"], rtol=1e-5) and close(restored, val_losses[-1], rtol=1e-5):
    check("diagnosis: the restored model is the last one", False, points=0,
          feedback={"en": "The restored model scores " + str(round(restored, 4)) + ", exactly the last epoch's "
                          "validation loss: best_state kept changing after it was set.",
                    "zh": "恢复后的模型得分是 " + str(round(restored, 4)) + "，恰好等于最后一个 epoch 的验证损失："
                          "best_state 在被赋值之后还在不断变化。"})
