try:
    {}['lr']
except KeyError as e:
    raise ValueError('no learning rate') from e
