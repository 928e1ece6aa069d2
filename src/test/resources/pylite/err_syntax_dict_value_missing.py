config = {"lr": , "momentum": 0.9}
