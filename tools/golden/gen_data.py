"""Golden data for torch.utils.data: seeded DataLoader epochs, collate dtypes, len, random_split.

Run with PyTorch (Debian's python3-torch, 1.13): /usr/bin/python3 tools/golden/gen_data.py
Writes src/test/resources/golden/data/dataloader.json.
"""
import json
import os

import torch
from torch.utils.data import DataLoader, TensorDataset, random_split


def batches(loader, epochs):
    out = []
    for _ in range(epochs):
        epoch = []
        for batch in loader:
            epoch.append([{"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape),
                           "values": t.reshape(-1).tolist()} for t in batch])
        out.append(epoch)
    return out


def dataset():
    x = torch.arange(20, dtype=torch.float32).reshape(10, 2)
    y = torch.arange(10)
    return TensorDataset(x, y)


cases = []
for size, batch_size, shuffle, drop_last, seed, loader_seed in [
        (10, 3, True, False, 0, None), (10, 3, True, True, 0, None), (10, 4, False, False, 1, None),
        (10, 3, True, False, 7, 5), (10, 10, True, False, 2, None), (10, 20, True, True, 3, None)]:
    torch.manual_seed(seed)
    generator = None
    if loader_seed is not None:
        generator = torch.Generator().manual_seed(loader_seed)
    loader = DataLoader(dataset(), batch_size=batch_size, shuffle=shuffle, drop_last=drop_last,
                        generator=generator)
    case = {"batch_size": batch_size, "shuffle": shuffle, "drop_last": drop_last, "seed": seed,
            "loader_seed": loader_seed, "len": len(loader), "epochs": batches(loader, 3),
            "rand_after": torch.rand(3).tolist()}
    if generator is not None:
        case["loader_rand_after"] = torch.rand(3, generator=generator).tolist()
    cases.append(case)

# A draw between iter() and the first next(): the base seed is taken at iter(), the sampler's at next().
torch.manual_seed(11)
loader = DataLoader(dataset(), batch_size=5, shuffle=True)
iterator = iter(loader)
between = torch.rand(2).tolist()
first = [t.reshape(-1).tolist() for t in next(iterator)]
interleaved = {"seed": 11, "batch_size": 5, "between": between, "first_batch": first,
               "rand_after": torch.rand(3).tolist()}

# default_collate of Python numbers, tuples and dicts.
torch.manual_seed(0)
samples = [(1.5, 2, True), (2.5, 3, False), (-0.25, 4, True)]
collated = next(iter(DataLoader(samples, batch_size=3)))
dict_batch = next(iter(DataLoader([{"a": 1, "b": 0.5}, {"a": 2, "b": 1.5}], batch_size=2)))
collate = {"tuples": [{"dtype": str(t.dtype).replace("torch.", ""), "values": t.tolist()} for t in collated],
           "dict": {k: {"dtype": str(v.dtype).replace("torch.", ""), "values": v.tolist()}
                    for k, v in dict_batch.items()}}

lengths = [{"size": n, "batch_size": b, "drop_last": d, "len": len(DataLoader(range(n), batch_size=b, drop_last=d))}
           for n in (1, 7, 10, 12) for b in (1, 3, 5, 12) for d in (False, True)]

splits = []
for size, parts, seed in [(10, [7, 3], 0), (10, [0.5, 0.3, 0.2], 0), (11, [0.5, 0.5], 4), (9, [0.34, 0.33, 0.33], 1),
                          (5, [2, 2, 1], 3)]:
    subsets = random_split(range(size), parts, generator=torch.Generator().manual_seed(seed))
    splits.append({"size": size, "lengths": parts, "seed": seed, "indices": [list(s.indices) for s in subsets]})

default_split_seed = 6
torch.manual_seed(default_split_seed)
subsets = random_split(range(8), [5, 3])
default_split = {"seed": default_split_seed, "indices": [list(s.indices) for s in subsets],
                 "rand_after": torch.rand(2).tolist()}

errors = {}
try:
    TensorDataset(torch.zeros(3), torch.zeros(4))
except AssertionError as e:
    errors["tensor_dataset"] = str(e)
try:
    random_split(range(5), [3, 3])
except ValueError as e:
    errors["random_split"] = str(e)
try:
    DataLoader(range(5), batch_size=0)
except ValueError as e:
    errors["batch_size"] = str(e)

out = {"torch": torch.__version__, "loaders": cases, "interleaved": interleaved, "collate": collate,
       "lengths": lengths, "splits": splits, "default_split": default_split, "errors": errors}
path = os.path.join(os.path.dirname(__file__), "../../src/test/resources/golden/data/dataloader.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
