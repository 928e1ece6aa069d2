def inner():
    raise KeyError('k')

try:
    inner()
except KeyError:
    print('logging')
    raise
