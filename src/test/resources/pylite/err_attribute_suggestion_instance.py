class Opt:
    def __init__(self):
        self.lr = 0.1
        self.momentum = 0.9

print(Opt().momentun)
