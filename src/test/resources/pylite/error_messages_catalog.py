import math
import random
# One case per common mistake: the exception type and CPython's message.
try:
    [1] * 1.5
except Exception as e:
    print('[1] * 1.5', '->', type(e).__name__ + ':', e)
else:
    print('[1] * 1.5', '-> ok')
try:
    'a' * 'b'
except Exception as e:
    print("'a' * 'b'", '->', type(e).__name__ + ':', e)
else:
    print("'a' * 'b'", '-> ok')
try:
    [1] + 'a'
except Exception as e:
    print("[1] + 'a'", '->', type(e).__name__ + ':', e)
else:
    print("[1] + 'a'", '-> ok')
try:
    (1,) + [2]
except Exception as e:
    print('(1,) + [2]', '->', type(e).__name__ + ':', e)
else:
    print('(1,) + [2]', '-> ok')
try:
    {} + {}
except Exception as e:
    print('{} + {}', '->', type(e).__name__ + ':', e)
else:
    print('{} + {}', '-> ok')
try:
    None + 1
except Exception as e:
    print('None + 1', '->', type(e).__name__ + ':', e)
else:
    print('None + 1', '-> ok')
try:
    1 - 'a'
except Exception as e:
    print("1 - 'a'", '->', type(e).__name__ + ':', e)
else:
    print("1 - 'a'", '-> ok')
try:
    'a' - 'b'
except Exception as e:
    print("'a' - 'b'", '->', type(e).__name__ + ':', e)
else:
    print("'a' - 'b'", '-> ok')
try:
    1 / 'x'
except Exception as e:
    print("1 / 'x'", '->', type(e).__name__ + ':', e)
else:
    print("1 / 'x'", '-> ok')
try:
    '%d' % 'x'
except Exception as e:
    print("'%d' % 'x'", '->', type(e).__name__ + ':', e)
else:
    print("'%d' % 'x'", '-> ok')
try:
    len(None)
except Exception as e:
    print('len(None)', '->', type(e).__name__ + ':', e)
else:
    print('len(None)', '-> ok')
try:
    len(3.5)
except Exception as e:
    print('len(3.5)', '->', type(e).__name__ + ':', e)
else:
    print('len(3.5)', '-> ok')
try:
    abs([])
except Exception as e:
    print('abs([])', '->', type(e).__name__ + ':', e)
else:
    print('abs([])', '-> ok')
try:
    int([1])
except Exception as e:
    print('int([1])', '->', type(e).__name__ + ':', e)
else:
    print('int([1])', '-> ok')
try:
    int(None)
except Exception as e:
    print('int(None)', '->', type(e).__name__ + ':', e)
else:
    print('int(None)', '-> ok')
try:
    float([])
except Exception as e:
    print('float([])', '->', type(e).__name__ + ':', e)
else:
    print('float([])', '-> ok')
try:
    float('')
except Exception as e:
    print("float('')", '->', type(e).__name__ + ':', e)
else:
    print("float('')", '-> ok')
try:
    int('')
except Exception as e:
    print("int('')", '->', type(e).__name__ + ':', e)
else:
    print("int('')", '-> ok')
try:
    int('1.5')
except Exception as e:
    print("int('1.5')", '->', type(e).__name__ + ':', e)
else:
    print("int('1.5')", '-> ok')
try:
    int('12', 2)
except Exception as e:
    print("int('12', 2)", '->', type(e).__name__ + ':', e)
else:
    print("int('12', 2)", '-> ok')
try:
    [][0]
except Exception as e:
    print('[][0]', '->', type(e).__name__ + ':', e)
else:
    print('[][0]', '-> ok')
try:
    [1, 2][-3]
except Exception as e:
    print('[1, 2][-3]', '->', type(e).__name__ + ':', e)
else:
    print('[1, 2][-3]', '-> ok')
try:
    'abc'[5]
except Exception as e:
    print("'abc'[5]", '->', type(e).__name__ + ':', e)
else:
    print("'abc'[5]", '-> ok')
try:
    (1, 2)[2]
except Exception as e:
    print('(1, 2)[2]', '->', type(e).__name__ + ':', e)
else:
    print('(1, 2)[2]', '-> ok')
try:
    [1][1:2:0]
except Exception as e:
    print('[1][1:2:0]', '->', type(e).__name__ + ':', e)
else:
    print('[1][1:2:0]', '-> ok')
try:
    {'a': 1}['b']
except Exception as e:
    print("{'a': 1}['b']", '->', type(e).__name__ + ':', e)
else:
    print("{'a': 1}['b']", '-> ok')
try:
    {}[[1]]
except Exception as e:
    print('{}[[1]]', '->', type(e).__name__ + ':', e)
else:
    print('{}[[1]]', '-> ok')
try:
    {}.pop('x')
except Exception as e:
    print("{}.pop('x')", '->', type(e).__name__ + ':', e)
else:
    print("{}.pop('x')", '-> ok')
try:
    [].remove(1)
except Exception as e:
    print('[].remove(1)', '->', type(e).__name__ + ':', e)
else:
    print('[].remove(1)', '-> ok')
try:
    (1,).index(5)
except Exception as e:
    print('(1,).index(5)', '->', type(e).__name__ + ':', e)
else:
    print('(1,).index(5)', '-> ok')
try:
    'x'.index('y')
except Exception as e:
    print("'x'.index('y')", '->', type(e).__name__ + ':', e)
else:
    print("'x'.index('y')", '-> ok')
try:
    None.attr
except Exception as e:
    print('None.attr', '->', type(e).__name__ + ':', e)
else:
    print('None.attr', '-> ok')
try:
    [].foo
except Exception as e:
    print('[].foo', '->', type(e).__name__ + ':', e)
else:
    print('[].foo', '-> ok')
try:
    {}.append
except Exception as e:
    print('{}.append', '->', type(e).__name__ + ':', e)
else:
    print('{}.append', '-> ok')
try:
    's'.upper(1)
except Exception as e:
    print("'s'.upper(1)", '->', type(e).__name__ + ':', e)
else:
    print("'s'.upper(1)", '-> ok')
try:
    [].append()
except Exception as e:
    print('[].append()', '->', type(e).__name__ + ':', e)
else:
    print('[].append()', '-> ok')
try:
    [].append(1, 2)
except Exception as e:
    print('[].append(1, 2)', '->', type(e).__name__ + ':', e)
else:
    print('[].append(1, 2)', '-> ok')
try:
    len()
except Exception as e:
    print('len()', '->', type(e).__name__ + ':', e)
else:
    print('len()', '-> ok')
try:
    len(1, 2)
except Exception as e:
    print('len(1, 2)', '->', type(e).__name__ + ':', e)
else:
    print('len(1, 2)', '-> ok')
try:
    range()
except Exception as e:
    print('range()', '->', type(e).__name__ + ':', e)
else:
    print('range()', '-> ok')
try:
    range(1, 2, 3, 4)
except Exception as e:
    print('range(1, 2, 3, 4)', '->', type(e).__name__ + ':', e)
else:
    print('range(1, 2, 3, 4)', '-> ok')
try:
    range(0, 10, 0)
except Exception as e:
    print('range(0, 10, 0)', '->', type(e).__name__ + ':', e)
else:
    print('range(0, 10, 0)', '-> ok')
try:
    range('a')
except Exception as e:
    print("range('a')", '->', type(e).__name__ + ':', e)
else:
    print("range('a')", '-> ok')
try:
    sorted(1)
except Exception as e:
    print('sorted(1)', '->', type(e).__name__ + ':', e)
else:
    print('sorted(1)', '-> ok')
try:
    min()
except Exception as e:
    print('min()', '->', type(e).__name__ + ':', e)
else:
    print('min()', '-> ok')
try:
    max([])
except Exception as e:
    print('max([])', '->', type(e).__name__ + ':', e)
else:
    print('max([])', '-> ok')
try:
    sum(['a', 'b'])
except Exception as e:
    print("sum(['a', 'b'])", '->', type(e).__name__ + ':', e)
else:
    print("sum(['a', 'b'])", '-> ok')
try:
    sum([[1]])
except Exception as e:
    print('sum([[1]])', '->', type(e).__name__ + ':', e)
else:
    print('sum([[1]])', '-> ok')
try:
    divmod(1, 0)
except Exception as e:
    print('divmod(1, 0)', '->', type(e).__name__ + ':', e)
else:
    print('divmod(1, 0)', '-> ok')
try:
    pow(0, -1)
except Exception as e:
    print('pow(0, -1)', '->', type(e).__name__ + ':', e)
else:
    print('pow(0, -1)', '-> ok')
try:
    pow(2, 3, 0)
except Exception as e:
    print('pow(2, 3, 0)', '->', type(e).__name__ + ':', e)
else:
    print('pow(2, 3, 0)', '-> ok')
try:
    chr(1114112)
except Exception as e:
    print('chr(1114112)', '->', type(e).__name__ + ':', e)
else:
    print('chr(1114112)', '-> ok')
try:
    ord('')
except Exception as e:
    print("ord('')", '->', type(e).__name__ + ':', e)
else:
    print("ord('')", '-> ok')
try:
    iter(1)
except Exception as e:
    print('iter(1)', '->', type(e).__name__ + ':', e)
else:
    print('iter(1)', '-> ok')
try:
    next([])
except Exception as e:
    print('next([])', '->', type(e).__name__ + ':', e)
else:
    print('next([])', '-> ok')
try:
    hash({})
except Exception as e:
    print('hash({})', '->', type(e).__name__ + ':', e)
else:
    print('hash({})', '-> ok')
try:
    hash(set())
except Exception as e:
    print('hash(set())', '->', type(e).__name__ + ':', e)
else:
    print('hash(set())', '-> ok')
try:
    isinstance(1, 'int')
except Exception as e:
    print("isinstance(1, 'int')", '->', type(e).__name__ + ':', e)
else:
    print("isinstance(1, 'int')", '-> ok')
try:
    issubclass(1, int)
except Exception as e:
    print('issubclass(1, int)', '->', type(e).__name__ + ':', e)
else:
    print('issubclass(1, int)', '-> ok')
try:
    getattr(1, 'x')
except Exception as e:
    print("getattr(1, 'x')", '->', type(e).__name__ + ':', e)
else:
    print("getattr(1, 'x')", '-> ok')
try:
    setattr(1, 'x', 2)
except Exception as e:
    print("setattr(1, 'x', 2)", '->', type(e).__name__ + ':', e)
else:
    print("setattr(1, 'x', 2)", '-> ok')
try:
    n = 1
    n()
except Exception as e:
    print('1()', '->', type(e).__name__ + ':', e)
else:
    print('1()', '-> ok')
try:
    t = 's'
    t()
except Exception as e:
    print("'s'()", '->', type(e).__name__ + ':', e)
else:
    print("'s'()", '-> ok')
try:
    e = []
    e()
except Exception as e:
    print('[]()', '->', type(e).__name__ + ':', e)
else:
    print('[]()', '-> ok')
try:
    z = None
    z()
except Exception as e:
    print('None()', '->', type(e).__name__ + ':', e)
else:
    print('None()', '-> ok')
try:
    (lambda: 0)(1)
except Exception as e:
    print('(lambda: 0)(1)', '->', type(e).__name__ + ':', e)
else:
    print('(lambda: 0)(1)', '-> ok')
try:
    (lambda x: 0)()
except Exception as e:
    print('(lambda x: 0)()', '->', type(e).__name__ + ':', e)
else:
    print('(lambda x: 0)()', '-> ok')
try:
    (lambda x: 0)(y=1)
except Exception as e:
    print('(lambda x: 0)(y=1)', '->', type(e).__name__ + ':', e)
else:
    print('(lambda x: 0)(y=1)', '-> ok')
try:
    dict([1])
except Exception as e:
    print('dict([1])', '->', type(e).__name__ + ':', e)
else:
    print('dict([1])', '-> ok')
try:
    dict([(1,)])
except Exception as e:
    print('dict([(1,)])', '->', type(e).__name__ + ':', e)
else:
    print('dict([(1,)])', '-> ok')
try:
    set([[]])
except Exception as e:
    print('set([[]])', '->', type(e).__name__ + ':', e)
else:
    print('set([[]])', '-> ok')
try:
    frozen = {[]}
except Exception as e:
    print('frozen = {[]}', '->', type(e).__name__ + ':', e)
else:
    print('frozen = {[]}', '-> ok')
try:
    list(1)
except Exception as e:
    print('list(1)', '->', type(e).__name__ + ':', e)
else:
    print('list(1)', '-> ok')
try:
    tuple(None)
except Exception as e:
    print('tuple(None)', '->', type(e).__name__ + ':', e)
else:
    print('tuple(None)', '-> ok')
try:
    a, b = 1
except Exception as e:
    print('a, b = 1', '->', type(e).__name__ + ':', e)
else:
    print('a, b = 1', '-> ok')
try:
    a, b = [1]
except Exception as e:
    print('a, b = [1]', '->', type(e).__name__ + ':', e)
else:
    print('a, b = [1]', '-> ok')
try:
    a, b = 'abc'
except Exception as e:
    print("a, b = 'abc'", '->', type(e).__name__ + ':', e)
else:
    print("a, b = 'abc'", '-> ok')
try:
    x = undefined_name
except Exception as e:
    print('x = undefined_name', '->', type(e).__name__ + ':', e)
else:
    print('x = undefined_name', '-> ok')
try:
    del undefined_name
except Exception as e:
    print('del undefined_name', '->', type(e).__name__ + ':', e)
else:
    print('del undefined_name', '-> ok')
try:
    1 < 'a'
except Exception as e:
    print("1 < 'a'", '->', type(e).__name__ + ':', e)
else:
    print("1 < 'a'", '-> ok')
try:
    [] < ()
except Exception as e:
    print('[] < ()', '->', type(e).__name__ + ':', e)
else:
    print('[] < ()', '-> ok')
try:
    None > None
except Exception as e:
    print('None > None', '->', type(e).__name__ + ':', e)
else:
    print('None > None', '-> ok')
try:
    {} < {}
except Exception as e:
    print('{} < {}', '->', type(e).__name__ + ':', e)
else:
    print('{} < {}', '-> ok')
try:
    'a' in 1
except Exception as e:
    print("'a' in 1", '->', type(e).__name__ + ':', e)
else:
    print("'a' in 1", '-> ok')
try:
    1 in 'abc'
except Exception as e:
    print("1 in 'abc'", '->', type(e).__name__ + ':', e)
else:
    print("1 in 'abc'", '-> ok')
try:
    [1, 2].index(3)
except Exception as e:
    print('[1, 2].index(3)', '->', type(e).__name__ + ':', e)
else:
    print('[1, 2].index(3)', '-> ok')
try:
    '{}'.format()
except Exception as e:
    print("'{}'.format()", '->', type(e).__name__ + ':', e)
else:
    print("'{}'.format()", '-> ok')
try:
    '{0}{1}'.format(1)
except Exception as e:
    print("'{0}{1}'.format(1)", '->', type(e).__name__ + ':', e)
else:
    print("'{0}{1}'.format(1)", '-> ok')
try:
    '{x}'.format()
except Exception as e:
    print("'{x}'.format()", '->', type(e).__name__ + ':', e)
else:
    print("'{x}'.format()", '-> ok')
try:
    '{'.format(1)
except Exception as e:
    print("'{'.format(1)", '->', type(e).__name__ + ':', e)
else:
    print("'{'.format(1)", '-> ok')
try:
    format(1, 'q')
except Exception as e:
    print("format(1, 'q')", '->', type(e).__name__ + ':', e)
else:
    print("format(1, 'q')", '-> ok')
try:
    format('s', 'd')
except Exception as e:
    print("format('s', 'd')", '->', type(e).__name__ + ':', e)
else:
    print("format('s', 'd')", '-> ok')
try:
    format(1.5, 'x')
except Exception as e:
    print("format(1.5, 'x')", '->', type(e).__name__ + ':', e)
else:
    print("format(1.5, 'x')", '-> ok')
try:
    f'{1:q}'
except Exception as e:
    print("f'{1:q}'", '->', type(e).__name__ + ':', e)
else:
    print("f'{1:q}'", '-> ok')
try:
    1 % 0
except Exception as e:
    print('1 % 0', '->', type(e).__name__ + ':', e)
else:
    print('1 % 0', '-> ok')
try:
    2 ** 10000.0
except Exception as e:
    print('2 ** 10000.0', '->', type(e).__name__ + ':', e)
else:
    print('2 ** 10000.0', '-> ok')
try:
    float('inf') // 0
except Exception as e:
    print("float('inf') // 0", '->', type(e).__name__ + ':', e)
else:
    print("float('inf') // 0", '-> ok')
try:
    int(float('inf'))
except Exception as e:
    print("int(float('inf'))", '->', type(e).__name__ + ':', e)
else:
    print("int(float('inf'))", '-> ok')
try:
    assert False
except Exception as e:
    print('assert False', '->', type(e).__name__ + ':', e)
else:
    print('assert False', '-> ok')
try:
    assert 0, 'zero'
except Exception as e:
    print("assert 0, 'zero'", '->', type(e).__name__ + ':', e)
else:
    print("assert 0, 'zero'", '-> ok')
try:
    raise ValueError
except Exception as e:
    print('raise ValueError', '->', type(e).__name__ + ':', e)
else:
    print('raise ValueError', '-> ok')
try:
    raise 5
except Exception as e:
    print('raise 5', '->', type(e).__name__ + ':', e)
else:
    print('raise 5', '-> ok')
try:
    raise Exception('a', 'b')
except Exception as e:
    print("raise Exception('a', 'b')", '->', type(e).__name__ + ':', e)
else:
    print("raise Exception('a', 'b')", '-> ok')
try:
    raise KeyError('k')
except Exception as e:
    print("raise KeyError('k')", '->', type(e).__name__ + ':', e)
else:
    print("raise KeyError('k')", '-> ok')
try:
    [x for x in 5]
except Exception as e:
    print('[x for x in 5]', '->', type(e).__name__ + ':', e)
else:
    print('[x for x in 5]', '-> ok')
try:
    {k: v for k, v in [1]}
except Exception as e:
    print('{k: v for k, v in [1]}', '->', type(e).__name__ + ':', e)
else:
    print('{k: v for k, v in [1]}', '-> ok')
try:
    'abc'.split('')
except Exception as e:
    print("'abc'.split('')", '->', type(e).__name__ + ':', e)
else:
    print("'abc'.split('')", '-> ok')
try:
    'a'.join([1])
except Exception as e:
    print("'a'.join([1])", '->', type(e).__name__ + ':', e)
else:
    print("'a'.join([1])", '-> ok')
try:
    'abc'.replace(1, 2)
except Exception as e:
    print("'abc'.replace(1, 2)", '->', type(e).__name__ + ':', e)
else:
    print("'abc'.replace(1, 2)", '-> ok')
try:
    [3, 'a'].sort()
except Exception as e:
    print("[3, 'a'].sort()", '->', type(e).__name__ + ':', e)
else:
    print("[3, 'a'].sort()", '-> ok')
try:
    object().x
except Exception as e:
    print('object().x', '->', type(e).__name__ + ':', e)
else:
    print('object().x', '-> ok')
try:
    object().x = 1
except Exception as e:
    print('object().x = 1', '->', type(e).__name__ + ':', e)
else:
    print('object().x = 1', '-> ok')
try:
    super()
except Exception as e:
    print('super()', '->', type(e).__name__ + ':', e)
else:
    print('super()', '-> ok')
try:
    str.foo
except Exception as e:
    print('str.foo', '->', type(e).__name__ + ':', e)
else:
    print('str.foo', '-> ok')
try:
    math.sqrt(-1)
except Exception as e:
    print('math.sqrt(-1)', '->', type(e).__name__ + ':', e)
else:
    print('math.sqrt(-1)', '-> ok')
try:
    math.floor('a')
except Exception as e:
    print("math.floor('a')", '->', type(e).__name__ + ':', e)
else:
    print("math.floor('a')", '-> ok')
try:
    math.log(-1)
except Exception as e:
    print('math.log(-1)', '->', type(e).__name__ + ':', e)
else:
    print('math.log(-1)', '-> ok')
try:
    random.choice([])
except Exception as e:
    print('random.choice([])', '->', type(e).__name__ + ':', e)
else:
    print('random.choice([])', '-> ok')
try:
    random.randint(5, 1)
except Exception as e:
    print('random.randint(5, 1)', '->', type(e).__name__ + ':', e)
else:
    print('random.randint(5, 1)', '-> ok')
try:
    random.randrange(0)
except Exception as e:
    print('random.randrange(0)', '->', type(e).__name__ + ':', e)
else:
    print('random.randrange(0)', '-> ok')
try:
    random.sample([1], 5)
except Exception as e:
    print('random.sample([1], 5)', '->', type(e).__name__ + ':', e)
else:
    print('random.sample([1], 5)', '-> ok')
try:
    idx = 1.0
    [1, 2, 3][idx]
except Exception as e:
    print('[1, 2, 3][1.0]', '->', type(e).__name__ + ':', e)
else:
    print('[1, 2, 3][1.0]', '-> ok')
try:
    word = 'abc'
    word['a']
except Exception as e:
    print("'abc'['a']", '->', type(e).__name__ + ':', e)
else:
    print("'abc'['a']", '-> ok')
try:
    {}.get()
except Exception as e:
    print('{}.get()', '->', type(e).__name__ + ':', e)
else:
    print('{}.get()', '-> ok')
try:
    [].pop(5)
except Exception as e:
    print('[].pop(5)', '->', type(e).__name__ + ':', e)
else:
    print('[].pop(5)', '-> ok')
try:
    [1].insert()
except Exception as e:
    print('[1].insert()', '->', type(e).__name__ + ':', e)
else:
    print('[1].insert()', '-> ok')
try:
    'a'.startswith(1)
except Exception as e:
    print("'a'.startswith(1)", '->', type(e).__name__ + ':', e)
else:
    print("'a'.startswith(1)", '-> ok')
try:
    int('0x10')
except Exception as e:
    print("int('0x10')", '->', type(e).__name__ + ':', e)
else:
    print("int('0x10')", '-> ok')
try:
    int('0x10', 16) + '1'
except Exception as e:
    print("int('0x10', 16) + '1'", '->', type(e).__name__ + ':', e)
else:
    print("int('0x10', 16) + '1'", '-> ok')
try:
    bool.foo
except Exception as e:
    print('bool.foo', '->', type(e).__name__ + ':', e)
else:
    print('bool.foo', '-> ok')
try:
    print(1, sep=1)
except Exception as e:
    print('print(1, sep=1)', '->', type(e).__name__ + ':', e)
else:
    print('print(1, sep=1)', '-> ok')
try:
    print(end=5)
except Exception as e:
    print('print(end=5)', '->', type(e).__name__ + ':', e)
else:
    print('print(end=5)', '-> ok')
try:
    sorted([1], reverse='x') + 1
except Exception as e:
    print("sorted([1], reverse='x') + 1", '->', type(e).__name__ + ':', e)
else:
    print("sorted([1], reverse='x') + 1", '-> ok')
try:
    round('x', 1)
except Exception as e:
    print("round('x', 1)", '->', type(e).__name__ + ':', e)
else:
    print("round('x', 1)", '-> ok')
try:
    abs()
except Exception as e:
    print('abs()', '->', type(e).__name__ + ':', e)
else:
    print('abs()', '-> ok')
try:
    max(1)
except Exception as e:
    print('max(1)', '->', type(e).__name__ + ':', e)
else:
    print('max(1)', '-> ok')
try:
    min(1, key=1)
except Exception as e:
    print('min(1, key=1)', '->', type(e).__name__ + ':', e)
else:
    print('min(1, key=1)', '-> ok')
try:
    enumerate(5)
except Exception as e:
    print('enumerate(5)', '->', type(e).__name__ + ':', e)
else:
    print('enumerate(5)', '-> ok')
try:
    zip(1)
except Exception as e:
    print('zip(1)', '->', type(e).__name__ + ':', e)
else:
    print('zip(1)', '-> ok')
try:
    map(len)
except Exception as e:
    print('map(len)', '->', type(e).__name__ + ':', e)
else:
    print('map(len)', '-> ok')
try:
    filter(None)
except Exception as e:
    print('filter(None)', '->', type(e).__name__ + ':', e)
else:
    print('filter(None)', '-> ok')
try:
    reversed({})
except Exception as e:
    print('reversed({})', '->', type(e).__name__ + ':', e)
else:
    print('reversed({})', '-> ok')
try:
    list(reversed(5))
except Exception as e:
    print('list(reversed(5))', '->', type(e).__name__ + ':', e)
else:
    print('list(reversed(5))', '-> ok')
try:
    [1, 2, 3].count()
except Exception as e:
    print('[1, 2, 3].count()', '->', type(e).__name__ + ':', e)
else:
    print('[1, 2, 3].count()', '-> ok')
try:
    'x'.count()
except Exception as e:
    print("'x'.count()", '->', type(e).__name__ + ':', e)
else:
    print("'x'.count()", '-> ok')
try:
    (1).bit_length(1)
except Exception as e:
    print('(1).bit_length(1)', '->', type(e).__name__ + ':', e)
else:
    print('(1).bit_length(1)', '-> ok')
try:
    class A: pass
    A().missing
except Exception as e:
    print('class A: pass\nA().missing', '->', type(e).__name__ + ':', e)
else:
    print('class A: pass\nA().missing', '-> ok')
try:
    class B:
        def m(self): pass
    B().m(1)
except Exception as e:
    print('class B:\n    def m(self): pass\nB().m(1)', '->', type(e).__name__ + ':', e)
else:
    print('class B:\n    def m(self): pass\nB().m(1)', '-> ok')
try:
    class C:
        def __init__(self, a): pass
    C()
except Exception as e:
    print('class C:\n    def __init__(self, a): pass\nC()', '->', type(e).__name__ + ':', e)
else:
    print('class C:\n    def __init__(self, a): pass\nC()', '-> ok')
try:
    def f(*, k): pass
    f(1)
except Exception as e:
    print('def f(*, k): pass\nf(1)', '->', type(e).__name__ + ':', e)
else:
    print('def f(*, k): pass\nf(1)', '-> ok')
try:
    def g(a, b): pass
    g(1, 2, b=3)
except Exception as e:
    print('def g(a, b): pass\ng(1, 2, b=3)', '->', type(e).__name__ + ':', e)
else:
    print('def g(a, b): pass\ng(1, 2, b=3)', '-> ok')
