print("before")
raise SystemExit("stopping: bad config")
