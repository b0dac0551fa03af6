"""Loads the iris classifier and answers predictions and nearest-species lookups."""

from pathlib import Path

import numpy as np
import torch
from annoy import AnnoyIndex

MODEL_DIR = Path(__file__).resolve().parent.parent / "models"
SPECIES = ["setosa", "versicolor", "virginica"]
FEATURES = 4


class IrisModel:
    def __init__(self, path: Path = MODEL_DIR / "iris.pt") -> None:
        # weights_only=True: a checkpoint is data, never code to unpickle.
        state = torch.load(path, map_location="cpu", weights_only=True)
        self.layer = torch.nn.Linear(FEATURES, len(SPECIES))
        self.layer.load_state_dict(state)
        self.layer.eval()
        # Nearest-species lookups: one centroid per species, from the layer's weights.
        self.index = AnnoyIndex(FEATURES, "euclidean")
        for i, centroid in enumerate(state["weight"].numpy()):
            self.index.add_item(i, centroid.tolist())
        self.index.build(1)
        print(f"model loaded: {path.name} ({len(SPECIES)} classes)")

    def predict(self, features: list[float]) -> dict[str, float]:
        x = torch.tensor([features], dtype=torch.float32)
        with torch.no_grad():
            probs = torch.softmax(self.layer(x), dim=1)[0]
        return {s: round(float(p), 4) for s, p in zip(SPECIES, probs)}

    def similar(self, features: list[float]) -> str:
        nearest = self.index.get_nns_by_vector(np.asarray(features).tolist(), 1)
        return SPECIES[nearest[0]]
