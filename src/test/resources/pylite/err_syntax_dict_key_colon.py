config = {"lr": 0.1, "momentum"}
