"""POST /api/ingest: code and store articles sent as JSON. Exists only when the server is started with
a token, and every call must carry it as `Authorization: Bearer <token>`.
"""
from __future__ import annotations

import json
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, Field

MAX_ARTICLES = 200


class ArticleIn(BaseModel):
    """One article in the contract's JSON Lines shape."""

    id: str | None = Field(default=None, max_length=200)
    text: str | None = Field(default=None, max_length=2_000_000)
    html: str | None = Field(default=None, max_length=4_000_000)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    published: str | None = Field(default=None, max_length=40)


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)


@dataclass
class IngestAnswer:
    stored: int
    already_stored: int
    events: int
    rejected: list[dict[str, str]] = field(default_factory=list)


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    expected = request.app.state.token
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given or not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="missing or wrong bearer token",
                            headers={"WWW-Authenticate": "Bearer"})


router = APIRouter(prefix="/api")


@router.post("/ingest", response_model=IngestAnswer, dependencies=[Depends(require_token)],
             summary="Code and store articles (needs the server's bearer token)")
def api_ingest(request: Request, body: IngestIn) -> IngestAnswer:
    from dyadwatch.runner import ingest_paths  # loads spaCy: only when someone ingests

    with tempfile.TemporaryDirectory(prefix="dyadwatch-ingest-") as tmp:
        batch = Path(tmp) / "batch.jsonl"
        with batch.open("w", encoding="utf-8") as out:
            for article in body.articles:
                out.write(json.dumps(article.model_dump(exclude_none=True), ensure_ascii=False) + "\n")
        with request.app.state.access.open_writer() as store:  # the write lock only for this batch
            report = ingest_paths([batch], store)
    request.app.state.cache.clear()
    return IngestAnswer(report.stored, report.already_stored, report.events,
                        [{"origin": r.origin, "reason": r.reason, "detail": r.detail} for r in report.rejected])
