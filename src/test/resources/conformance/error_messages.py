import torch
import torch.nn as nn


def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)


model = nn.Linear(2, 1)
attempt("bool", lambda: bool(torch.ones(2)))
attempt("item", lambda: torch.ones(2).item())
attempt("view", lambda: torch.ones(2, 3).view(4))
attempt("add", lambda: torch.ones(2) + torch.ones(3))
attempt("grad", lambda: torch.ones(2, requires_grad=True).sum().backward() or torch.ones(2).sum().backward())
attempt("mse", lambda: nn.MSELoss()(torch.ones(2, 1), torch.ones(2, 1)).item())
attempt("index", lambda: torch.ones(2)[5])
attempt("lr", lambda: torch.optim.SGD(model.parameters(), lr=-1))
attempt("empty", lambda: torch.optim.Adam([], lr=0.1))
attempt("cat", lambda: torch.cat([torch.ones(2, 2), torch.ones(3, 3)]))
attempt("ce", lambda: nn.CrossEntropyLoss()(torch.ones(2, 3), torch.tensor([0, 5])))
attempt("kw_linear", lambda: nn.Linear(2, 3, bais=False))
attempt("kw_sgd", lambda: torch.optim.SGD(model.parameters(), lr=0.1, momentun=0.9))
attempt("kw_adam", lambda: torch.optim.Adam(model.parameters(), learning_rate=0.1))
attempt("kw_step", lambda: torch.optim.lr_scheduler.StepLR(torch.optim.SGD(model.parameters(), lr=0.1), step=2))
attempt("missing", lambda: torch.optim.SGD())
attempt("kw_mse", lambda: nn.MSELoss(reduce_mode="sum"))
