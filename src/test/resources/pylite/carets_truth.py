class Flag:
    def __bool__(self):
        raise ValueError("no truth here")


ok = 1 + 1 == 2
print(ok and not Flag())
