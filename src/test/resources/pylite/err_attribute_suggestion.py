xs = []
xs.apend(1)
