"""Scores a CSV of flowers in batches.

    python -m src.batch [--workers N] [--batch-size N] [--repeat K] [--limit N] [--loop] FILE

FILE holds one flower per line: sepal length, sepal width, petal length, petal width (cm).
`--repeat K` scores the file's rows K times over (a load test); `--loop` scores the file again
every few seconds until the process is killed. On purpose, the script installs no signal
handler: the course uses it to show what `docker stop` does to such a PID 1.
"""

import argparse
import csv
import time

import torch
from torch.utils.data import DataLoader, Dataset

from src.model import IrisModel


class Rows(Dataset):
    def __init__(self, path: str, limit: int | None, repeat: int) -> None:
        with open(path, newline="") as f:
            rows = [[float(v) for v in row[:4]] for row in csv.reader(f) if row]
        rows = rows[:limit] if limit else rows
        # Repeating the list repeats references, not the rows: cheap even for millions.
        self.rows = rows * repeat

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> torch.Tensor:
        return torch.tensor(self.rows[i])


def score(layer: torch.nn.Module, loader: DataLoader, device: str) -> int:
    scored = 0
    with torch.no_grad():
        for batch in loader:
            layer(batch.to(device)).argmax(dim=1)
            scored += len(batch)
    return scored


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--loop", action="store_true")
    args = parser.parse_args()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    layer = IrisModel().layer.to(device)
    # Each worker collates its batches and hands them over through shared memory (/dev/shm);
    # with the default prefetch_factor of 2, up to 2 * workers batches are in flight.
    loader = DataLoader(
        Rows(args.file, args.limit, args.repeat),
        batch_size=args.batch_size,
        num_workers=args.workers,
    )
    while True:
        start = time.perf_counter()
        scored = score(layer, loader, device)
        print(f"scored {scored} rows in {time.perf_counter() - start:.1f}s", flush=True)
        if not args.loop:
            break
        time.sleep(5)


if __name__ == "__main__":
    main()
