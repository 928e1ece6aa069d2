values = [1, 2, 3]
best = max(v * v for v in [1,
                            2], default=0)
