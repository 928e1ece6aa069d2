import torch
import torch.nn as nn
import torch.optim as optim

# 0. Seed the generator so that the run is reproducible
torch.manual_seed(42)

# 1. The data set
X = torch.tensor([[3.3], [4.4], [5.5], [6.71], [6.93], [4.168],
                  [9.779], [6.182], [7.59], [2.167], [7.042],
                  [10.791], [5.313], [7.997], [3.1]], dtype=torch.float32)

y = torch.tensor([[1.7], [2.76], [2.09], [3.19], [1.694], [1.573],
                  [3.366], [2.596], [2.53], [1.221], [2.827],
                  [3.465], [1.65], [2.904], [1.3]], dtype=torch.float32)

# 2. The model
class LinearRegressionModel(nn.Module):
    def __init__(self):
        super(LinearRegressionModel, self).__init__()
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        return self.linear(x)

# 3. The loss
criterion = nn.MSELoss()

# 4. A training function for first-order optimizers
def train_with_optimizer(optimizer, model, num_epochs=100):
    print(f"\n--- Training with {optimizer.__class__.__name__} ---")
    for epoch in range(num_epochs):
        outputs = model(X)
        loss = criterion(outputs, y)

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        if (epoch+1) % 20 == 0:
            print(f'Epoch [{epoch+1}/{num_epochs}], Loss: {loss.item():.4f}')

    [w, b] = model.parameters()
    print(f"Learned parameters: w={w.item():.3f}, b={b.item():.3f}")


model_sgd = LinearRegressionModel()
optimizer_sgd = optim.SGD(model_sgd.parameters(), lr=0.01)
train_with_optimizer(optimizer_sgd, model_sgd)

model_momentum = LinearRegressionModel()
optimizer_momentum = optim.SGD(model_momentum.parameters(), lr=0.01, momentum=0.9)
train_with_optimizer(optimizer_momentum, model_momentum)

model_rmsprop = LinearRegressionModel()
optimizer_rmsprop = optim.RMSprop(model_rmsprop.parameters(), lr=0.01)
train_with_optimizer(optimizer_rmsprop, model_rmsprop)

model_adam = LinearRegressionModel()
optimizer_adam = optim.Adam(model_adam.parameters(), lr=0.001)
train_with_optimizer(optimizer_adam, model_adam)

model_lbfgs = LinearRegressionModel()
optimizer_lbfgs = optim.LBFGS(model_lbfgs.parameters(), lr=1, max_iter=20)

print(f"\n--- Training with {optimizer_lbfgs.__class__.__name__} ---")

def closure():
    optimizer_lbfgs.zero_grad()
    outputs = model_lbfgs(X)
    loss = criterion(outputs, y)
    loss.backward()
    return loss

for i in range(5):
    print(f'Step [{i+1}/5]')
    optimizer_lbfgs.step(closure)

    with torch.no_grad():
        final_loss = criterion(model_lbfgs(X), y)
        print(f'Loss: {final_loss.item():.4f}')

[w, b] = model_lbfgs.parameters()
print(f"Learned parameters: w={w.item():.3f}, b={b.item():.3f}")
