"""Scores a CSV of flowers in batches: python -m src.batch [--workers N] [--limit N] FILE."""

import argparse
import csv
import time

import torch
from torch.utils.data import DataLoader, Dataset

from src.model import IrisModel


class Rows(Dataset):
    def __init__(self, path: str, limit: int | None) -> None:
        with open(path, newline="") as f:
            rows = [[float(v) for v in row[:4]] for row in csv.reader(f)]
        self.rows = rows[:limit] if limit else rows

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> torch.Tensor:
        return torch.tensor(self.rows[i])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    model = IrisModel()
    start = time.perf_counter()
    loader = DataLoader(Rows(args.file, args.limit), batch_size=1024, num_workers=args.workers)
    scored = 0
    with torch.no_grad():
        for batch in loader:
            model.layer(batch).argmax(dim=1)
            scored += len(batch)
    print(f"scored {scored} rows in {time.perf_counter() - start:.1f}s")


if __name__ == "__main__":
    main()
