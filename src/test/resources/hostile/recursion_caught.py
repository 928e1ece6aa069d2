# expect: LIMIT_EXCEEDED RECURSION
def f():
    try:
        f()
    except BaseException:
        f()

f()
