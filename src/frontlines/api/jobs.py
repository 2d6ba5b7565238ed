"""/api/jobs: the progress of posts processed in the background (see POST /api/articles)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse

from frontlines.api.deps import ok
from frontlines.api.errors import ERROR_RESPONSES, ApiError

router = APIRouter(prefix="/api/jobs", tags=["jobs"], responses=ERROR_RESPONSES)


@router.get("", summary="Recent processing jobs",
            description="The jobs this server ran or is running for large posts, newest first: state "
                        "(queued, running, done, failed), articles done of total, events found. Jobs live in "
                        "the server's memory; after a restart the articles of an unfinished job stay pending "
                        "for `frontlines run`.")
def list_jobs(request: Request) -> JSONResponse:
    """Recent processing jobs."""
    return ok({"ok": True, "jobs": [j.as_dict() for j in request.app.state.processor.jobs()]})


@router.get("/{job_id}", summary="One processing job",
            description="A job's state (queued, running, done, failed), how many of its articles are done, "
                        "processed and failed, the events found, and the reason when it failed.")
def get_job(
    request: Request,
    job_id: Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[0-9a-f]+$", description="Job id.")],
) -> JSONResponse:
    """One processing job."""
    job = request.app.state.processor.job(job_id)
    if job is None:
        raise ApiError(404, f"no job {job_id} (jobs are kept in memory until the server restarts)", code="E703")
    return ok({"ok": True, "job": job.as_dict()})
