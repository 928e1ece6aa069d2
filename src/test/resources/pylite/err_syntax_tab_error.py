for epoch in range(3):
	loss = epoch * 0.5
        print(loss)
