def risky(n):
    if n == 0:
        raise ValueError("zero!")
    if n == 1:
        return 10 / 0
    if n == 2:
        return [][1]
    if n == 3:
        return {}["missing"]
    if n == 4:
        return undefined_name
    if n == 5:
        return "a" + 1
    return n
for i in range(7):
    try:
        print("result", risky(i))
    except (ValueError, ZeroDivisionError) as e:
        print("value/zero:", type(e).__name__, e, e.args)
    except LookupError as e:
        print("lookup:", type(e).__name__, e, repr(e))
    except Exception as e:
        print("other:", type(e).__name__, e)
    else:
        print("no error for", i)
    finally:
        print("finally", i)
def order():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(order())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class DetailError(AppError):
    pass
try:
    raise DetailError(42, "bad thing")
except AppError as e:
    print(type(e).__name__, e.code, e, e.args, isinstance(e, Exception))
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, type(e.__cause__).__name__, e.__cause__)
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise
except KeyError as e:
    print("re-raised", repr(e), str(e))
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == "")
e = Exception("a", 1)
print(e, repr(e), e.args, str(KeyError("x")), repr(ValueError("v")), str(Exception()))
for exc in [IndexError, KeyError, ZeroDivisionError, NotImplementedError, ModuleNotFoundError, UnboundLocalError]:
    print(exc.__name__, [c.__name__ for c in exc.__mro__])
try:
    int("abc")
except ValueError as err:
    print(err)
print("done")
