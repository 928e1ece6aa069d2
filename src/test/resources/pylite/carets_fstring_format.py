loss = 0.123456
print(f"loss {loss:.3f}")
print("step", f"{loss:d}", "done")
