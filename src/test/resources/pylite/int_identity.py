# `is` between equal ints: one object only inside CPython's small-int cache (-5..256)
print(int('1000') is int('1000'))
print(int('-100') is int('-100'))
print(int('-6') is int('-6'))
print(int('-5') is int('-5'))
print(int('256') is int('256'))
print(int('257') is int('257'))
print(int('-128') is int('-128'))
print(int('-129') is int('-129'))
print(int('127') is int('127'))
print(int('128') is int('128'))
a = -100
b = a + 0
print(a is b)
x = [-7]
print(x[0] is int('-7'))
print(int('-1') * 6 is int('-6'))
print(int('-6') is not int('-6'))
big = 10 ** 6
same = big
print(same is big, big is not same)
zero, minus_five = 0, -5
print(int('0') is zero, int('-5') is minus_five)
