class Model:
    def __init__(self):
        self.hidden = 16

model = Model()
del model.hidden
print(hasattr(model, "hidden"))
del model.hidden
