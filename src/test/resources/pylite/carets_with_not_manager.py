with 5 as manager:
    pass
