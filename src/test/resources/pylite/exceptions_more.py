def parse(text):
    try:
        value = int(text)
    except ValueError:
        print(f"bad input {text!r}")
        return None
    else:
        print("parsed", value)
        return value
    finally:
        print("done with", repr(text))
print(parse("12"), parse("x"))
def loop_with_finally():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
loop_with_finally()
class ValidationError(ValueError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
errors = []
for field, value in [("lr", -1), ("epochs", 0), ("name", "ok")]:
    try:
        if isinstance(value, int) and value <= 0:
            raise ValidationError(field, "must be positive")
    except ValueError as e:
        errors.append((e.field, str(e)))
print(errors)
try:
    try:
        raise TypeError("inner")
    finally:
        print("inner finally")
except TypeError as e:
    print("outer caught", e)
def nested():
    try:
        return 1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
try:
    nested()
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
try:
    raise KeyError("a", "b")
except KeyError as e:
    print(e, e.args)
e = None
try:
    [].pop()
except IndexError as err:
    e = err
print(type(e).__name__, e)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), isinstance(ValueError(), Exception))
try:
    raise StopIteration("custom")
except Exception as ex:
    print(type(ex).__name__, ex)
