sign = -1
value = sign * -"3"
