import random
random.seed(7)
xs = [i / 10 for i in range(20)]
ys = [3.0 * x + 1.0 + random.gauss(0, 0.1) for x in xs]
w, b, lr = 0.0, 0.0, 0.1
history = []
for epoch in range(200):
    grad_w = grad_b = 0.0
    loss = 0.0
    for x, y in zip(xs, ys):
        err = w * x + b - y
        loss += err * err
        grad_w += 2 * err * x
        grad_b += 2 * err
    n = len(xs)
    w -= lr * grad_w / n
    b -= lr * grad_b / n
    history.append(loss / n)
    if epoch % 50 == 0:
        print(f"epoch {epoch:3d}  loss {loss / n:.6f}  w {w:.4f}  b {b:.4f}")
print(f"final w={w:.3f} b={b:.3f}", round(history[-1], 5), min(history) == history[-1])
best = min(range(len(history)), key=history.__getitem__)
print("best epoch", best)
