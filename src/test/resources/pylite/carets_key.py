config = {"lr": 0.1}
rate = config["betas"]
