class Config:
    pass

config = Config()
config.lr = 0.1
best = None
best.lr = config.lr
