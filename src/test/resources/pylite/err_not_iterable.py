for x in 10:
    pass
