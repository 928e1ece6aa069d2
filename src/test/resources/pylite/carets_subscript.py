config = {"lr": 0.1, "momentum": 0.9}
values = [1, 2, 3]
print(values[1] + values[2] // 1)
scaled = config["lr"] * values[3]
