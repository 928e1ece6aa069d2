defaults = {"lr": 0.1}
config = {**defaults, "momentum": 0.9}
print(config)
broken = {**defaults, **0.5}
