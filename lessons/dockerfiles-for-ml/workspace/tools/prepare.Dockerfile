# syntax=docker/dockerfile:1
# Makes the two files of iris-api that are not text: uv.lock and the stub
# weights models/iris.pt. Run once, from iris-api/:
#
#     docker build -o . -f tools/prepare.Dockerfile .
#
# `-o .` copies the files of the last stage into the current directory.
FROM python:3.14-trixie AS prepare
COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /bin/
WORKDIR /app
COPY pyproject.toml ./
COPY tools/make_model.py tools/
RUN uv lock && uv run --extra cpu python tools/make_model.py

FROM scratch
COPY --from=prepare /app/uv.lock /
COPY --from=prepare /app/models/iris.pt /models/
