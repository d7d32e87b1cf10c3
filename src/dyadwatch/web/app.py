"""The dashboard web app: FastAPI with the JSON API, the dashboard page and its static files.

`create_app(db)` serves read-only; `create_app(db, token=...)` adds POST /api/ingest guarded by the
token. `dyadwatch serve` runs it with uvicorn on 127.0.0.1. The server keeps no database connection
between requests (see access.py), so `dyadwatch ingest` can write the same file while it runs. The
API is described at /openapi.json; there is no /docs page (Swagger UI would load from a CDN, and the
dashboard must work offline).
"""
from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

import duckdb
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from dyadwatch import __version__
from dyadwatch.relations.report import environment
from dyadwatch.store import DatabaseBusy, StoreError
from dyadwatch.web import api, ingest
from dyadwatch.web.access import AnswerCache, StoreAccess

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(db: str | Path, *, token: str | None = None, cache_size: int = 64) -> FastAPI:
    """The app for database `db`; `cache_size=0` turns the answer cache off (benchmarks)."""
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if cache_size > 0:  # the dashboard's first call: list the dyads once, in the background, at start
            app.state.warming = threading.Thread(target=api.warm_dyads, args=(app,), daemon=True,
                                                 name="dyadwatch-warm")
            app.state.warming.start()
        yield
        app.state.access.close()

    app = FastAPI(title="dyadwatch", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Coded state-to-state events: relations over time, evidence, stories and search. "
                              "Read-only unless the server was started with a token.")
    app.state.db = Path(db)
    app.state.token = token
    app.state.access = StoreAccess(Path(db), writable=bool(token))
    app.state.cache = AnswerCache(Path(db), size=cache_size)
    app.state.warming = None  # the start-up thread that fills the cache (joined by tests that lock the file)
    app.include_router(api.router)
    if token:
        app.include_router(ingest.router)
    static_dir = files("dyadwatch.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")

    @app.exception_handler(DatabaseBusy)
    def busy(request: Request, exc: DatabaseBusy) -> JSONResponse:
        return JSONResponse(status_code=503, headers={"Retry-After": "2"},
                            content={"detail": "database busy (another process is writing it); try again shortly"})

    @app.exception_handler(StoreError)
    def unusable(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": f"database unavailable: {exc}"})

    @app.exception_handler(duckdb.IOException)
    def io_error(request: Request, exc: duckdb.IOException) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": f"database unavailable: {exc}"})

    @app.exception_handler(FileNotFoundError)
    def missing(request: Request, exc: FileNotFoundError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": str(exc)})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard() -> HTMLResponse:
        page = environment().get_template("dashboard.html").render(db=app.state.db.name, version=__version__)
        return HTMLResponse(page, headers={"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                                           "Referrer-Policy": "no-referrer"})

    return app
