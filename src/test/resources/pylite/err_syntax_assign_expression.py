a = 1
if a:
    a + 1 = 2
