scores = [3, 1, 2]
best = max(scores)
if best > 2 and scores[0] < "4":
    print("never")
