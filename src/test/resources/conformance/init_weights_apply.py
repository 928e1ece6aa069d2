import torch
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
        self.register_buffer("offset", torch.tensor([0.5, -0.5]))

    def forward(self, x):
        return self.layers(x) + self.offset


def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)
        nn.init.constant_(m.bias, 0.01)
        print("init", m)


torch.manual_seed(9)
model = MLP()
model.apply(init_weights)
print(model.layers[0].weight)
print(list(model.state_dict().keys()))
print([name for name, _ in model.named_buffers()])
print(model.get_submodule("layers.2"))
print(model(torch.ones(2, 3)))
model.training = False
print(model.training, model.layers.training)
model.double()
print(model.layers[0].weight.dtype, model(torch.ones(1, 3, dtype=torch.float64)).dtype)
print(isinstance(model, nn.Module), isinstance(model.layers[0], nn.Linear), type(model).__name__)
