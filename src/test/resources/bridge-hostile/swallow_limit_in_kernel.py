import torch
a = torch.ones(3000, 3000)
while True:
    try:
        a = a @ a
    except BaseException:
        pass
