items = [1, 2]
value = (
    items[0]
    + items[1]
    + items[5]
)
