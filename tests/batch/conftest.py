"""One local Dask cluster (2 worker processes) shared by the batch tests: starting one costs seconds."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def client():  # noqa: ANN201
    from frontlines.batch.dask import connect

    c, cluster = connect(None, 2)
    yield c
    c.close()
    cluster.close()
