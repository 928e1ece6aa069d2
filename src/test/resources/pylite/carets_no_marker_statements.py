try:
    for value in 5:
        pass
except TypeError as e:
    print("caught:", e)
label = "step"
label += 1
