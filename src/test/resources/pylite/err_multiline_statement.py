def scale(values, factor):
    return [v * factor for v in values]

config = {"factor": 2, "values": [1, 2, 3]}
result = scale(
    config["values"],
    config["factr"],
)
