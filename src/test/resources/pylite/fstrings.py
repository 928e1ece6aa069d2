name, n, pi = "Ada", 42, 3.14159265
print(f"{name} has {n} items")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{-n:+}|{n: }")
print(f"{pi:.2f} {pi:10.3f} {pi:e} {pi:.3E} {pi:g} {pi:%} {pi:.1%}")
print(f"{1234567.891:,.2f} {1234567:_} {255:#x} {255:#o} {255:#b} {255:X} {65:c}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|{name:>{width}}|")
print(f"{n=} {pi=:.2f} {name = }")
print(f"{[1, 2][0]} {({'a': 1})['a']} {n * 2} {n if n > 0 else -n} {'nested {}'.format(1)}")
print(f"{{literal}} {{{n}}}")
print(f"{3.0} {1e-7} {1e16} {0.1 + 0.2}")
items = [("apple", 1.5), ("kiwi", 12.25)]
for item, price in items:
    print(f"{item:<10}{price:>8.2f}")
print(f"{'left':*<10}{'right':*>10}{'mid':*^9}")
print(f"{True} {None} {[1, 'a']} {(1,)}")
