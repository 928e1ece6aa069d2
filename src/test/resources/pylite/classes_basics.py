class Animal:
    kingdom = "animalia"
    count = 0
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1
    def speak(self):
        return f"{self.name} says {self.sound}"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    def __str__(self):
        return self.name
class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []
    def speak(self):
        return super().speak() + "!"
    def add_trick(self, trick):
        self.tricks.append(trick)
        return self
class Puppy(Dog):
    def speak(self):
        return super(Puppy, self).speak().upper()
a, d, p = Animal("generic"), Dog("rex"), Puppy("bit")
print(a.speak(), d.speak(), p.speak(), sep=" | ")
print(repr(d), str(d), [a, d], Animal.count, d.kingdom, Dog.kingdom)
print(d.add_trick("sit").add_trick("roll").tricks)
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Animal), issubclass(Dog, Puppy))
print(type(p) is Puppy, type(p).__name__, Puppy.__name__, Puppy.__base__.__name__, isinstance(3, (str, int)))
print(hasattr(d, "tricks"), hasattr(d, "wings"), getattr(d, "name"), getattr(d, "wings", "none"))
setattr(d, "age", 3); print(d.age)
d.name = "max"; print(d)
print(Animal.speak(d), Dog.speak is Animal.speak)
class Empty:
    pass
e = Empty(); e.x = 1; print(e.x, type(e).__name__)
