class Net:
    def __init__(self):
        self.layers = [1, 2]
    def layer(self, i):
        return self.layers[i]
    def run(self):
        return [self.layer(i) for i in range(3)]

Net().run()
