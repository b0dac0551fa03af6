"""The iris-api HTTP service."""

from fastapi import FastAPI
from pydantic import BaseModel, Field

from src.model import IrisModel

app = FastAPI(title="Iris API")
model = IrisModel()


class Flower(BaseModel):
    features: list[float] = Field(min_length=4, max_length=4)


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok", "model": "iris.pt"}


@app.post("/predict")
def predict(flower: Flower) -> dict[str, float]:
    return model.predict(flower.features)


@app.post("/similar")
def similar(flower: Flower) -> dict[str, str]:
    return {"species": model.similar(flower.features)}
