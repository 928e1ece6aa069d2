learning_rate = 0.1
print(learning_rate * 2)
print(learnig_rate + 1)
