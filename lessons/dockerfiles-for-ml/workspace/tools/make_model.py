"""Writes models/iris.pt: a stub classifier, not a trained one.

Each species' score is w_c . x + b_c with w_c = the species' mean measurements and
b_c = -|w_c|^2 / 2, which picks the nearest class mean (a nearest-centroid classifier). The
means are the per-species averages of Fisher's iris data (sepal length, sepal width, petal
length, petal width, in cm). Run once with the project's environment:

    uv run --extra cpu python tools/make_model.py
"""

from pathlib import Path

import torch

MEANS = [
    [5.006, 3.428, 1.462, 0.246],  # setosa
    [5.936, 2.770, 4.260, 1.326],  # versicolor
    [6.588, 2.974, 5.552, 2.026],  # virginica
]

weight = torch.tensor(MEANS)
bias = -(weight * weight).sum(dim=1) / 2
out = Path(__file__).resolve().parent.parent / "models" / "iris.pt"
out.parent.mkdir(exist_ok=True)
torch.save({"weight": weight, "bias": bias}, out)
print(f"wrote {out}")
