print("before")
raise SystemExit
print("after")
