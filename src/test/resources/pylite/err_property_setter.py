class Scheduler:
    def __init__(self):
        self._lr = 0.1

    @property
    def lr(self):
        return self._lr

s = Scheduler()
print(s.lr)
s.lr = 0.2
