"""The read-only JSON API: dyads, relations, events with evidence, stories, contradictions and search.

Every parameter is validated by FastAPI (bad input answers 422 with the offending parameter named);
each request opens its own Store through the app's StoreAccess.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam

from dyadwatch.relations import Dyad, list_dyads, parse_period, relations
from dyadwatch.relations.context import Contradiction, Story, contradictions, has_stories, stories, story
from dyadwatch.relations.dyads import DyadListing
from dyadwatch.relations.evidence import Report, UnitView, search_reports, unit_views
from dyadwatch.relations.index import Relations
from dyadwatch.relations.units import unit_source
from dyadwatch.store import StoreError

router = APIRouter(prefix="/api")

Code = Annotated[str, Query(pattern=r"^[A-Za-z]{3}$", description="Three-letter actor code, e.g. PRK")]
DyadParam = Annotated[str, Query(pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$", description="Two codes, e.g. PRK-CHN")]
Count = Annotated[Literal["clusters", "reports"], Query(description="Count event clusters or single reports")]
Directed = Annotated[bool, Query(description="Only events from the first code to the second")]


@dataclass
class EventsAnswer:
    dyad: str
    period: str | None
    q: str | None
    counted_as: str
    total: int
    units: list[UnitView] = field(default_factory=list)


@dataclass
class StoriesAnswer:
    available: bool
    stories: list[Story] = field(default_factory=list)


@dataclass
class ContradictionsAnswer:
    dyad: str
    contradictions: list[Contradiction] = field(default_factory=list)


@dataclass
class SearchAnswer:
    q: str
    reports: list[Report] = field(default_factory=list)


def _dyad(value: str, directed: bool = False) -> Dyad:
    a, b = value.upper().split("-")
    return Dyad(a, b, directed)


def _access(request: Request):
    return request.app.state.access


def _cache(request: Request):
    return request.app.state.cache


def _dyads(app, limit: int = 50, window: int = 3, sort: str = "events", count: str = "clusters") -> DyadListing:
    def compute() -> DyadListing:
        with app.state.access.open() as store:
            return list_dyads(store, limit=limit, window=window, sort=sort, count=count)  # type: ignore[arg-type]
    return app.state.cache.get(("dyads", limit, window, sort, count), compute)


def warm_dyads(app) -> None:
    """Compute the default dyad listing into the answer cache (run in a thread at server start)."""
    try:
        _dyads(app)
    except StoreError:
        pass  # only a head start: the database is busy or unusable now, and the first request will say so


@router.get("/dyads", response_model=DyadListing, summary="Dyads with most events and biggest recent change")
def api_dyads(request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 50,
              window: Annotated[int, Query(ge=1, le=120, description="Months in the recent window")] = 3,
              sort: Literal["events", "change"] = "events", count: Count = "clusters") -> DyadListing:
    return _dyads(request.app, limit, window, sort, count)


@router.get("/relations", response_model=Relations, summary="Relations index of one dyad by period")
def api_relations(request: Request, a: Code, b: Code,
                  by: Literal["day", "week", "month", "quarter", "year"] = "month",
                  directed: Directed = False, count: Count = "clusters") -> Relations:
    def compute() -> Relations:
        with _access(request).open() as store:
            return relations(store, a.upper(), b.upper(), by=by, directed=directed, count=count)
    return _cache(request).get(("relations", a.upper(), b.upper(), by, directed, count), compute)


@router.get("/events", response_model=EventsAnswer, summary="A dyad's events (clusters) with evidence and sources")
def api_events(request: Request, dyad: DyadParam,
               period: Annotated[str | None, Query(max_length=10, description="YYYY, YYYY-Qn, YYYY-MM, YYYY-Www "
                                                                           "or YYYY-MM-DD")] = None,
               q: Annotated[str | None, Query(min_length=2, max_length=200, description="Text in the evidence")] = None,
               directed: Directed = False, count: Count = "clusters",
               limit: Annotated[int, Query(ge=1, le=500)] = 100) -> EventsAnswer:
    within = []
    if period:
        try:
            within = [parse_period(period)]
        except ValueError as exc:
            raise HTTPException(status_code=422, detail=f"period: {exc}") from None
    pair = _dyad(dyad, directed)
    with _access(request).open() as store:
        source = unit_source(store, count)
        units = source.units(pair, within=within, query=q)
        units.sort(key=lambda u: (-abs(u.goldstein), -u.n_reports, u.date or "", u.unit_id))
        return EventsAnswer(pair.label, period, q, source.describe, len(units), unit_views(store, units[:limit]))


@router.get("/stories", response_model=StoriesAnswer, summary="Stories (issue 4 clustering) involving a dyad")
def api_stories(request: Request, dyad: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$")] = None,
                limit: Annotated[int, Query(ge=1, le=500)] = 50) -> StoriesAnswer:
    with _access(request).open() as store:
        return StoriesAnswer(has_stories(store), stories(store, _dyad(dyad) if dyad else None, limit=limit))


@router.get("/stories/{story_id}", response_model=Story, summary="One story: documents and reports")
def api_story(request: Request, story_id: Annotated[str, PathParam(max_length=200)],
              dyad: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$")] = None) -> Story:
    with _access(request).open() as store:
        found = story(store, story_id, _dyad(dyad) if dyad else None)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no story {story_id!r}")
    return found


@router.get("/contradictions", response_model=ContradictionsAnswer, summary="Reports of a dyad that disagree")
def api_contradictions(request: Request, dyad: DyadParam,
                       limit: Annotated[int, Query(ge=1, le=200)] = 20) -> ContradictionsAnswer:
    pair = _dyad(dyad)
    with _access(request).open() as store:
        return ContradictionsAnswer(pair.label, contradictions(store, pair, limit=limit))


@router.get("/search", response_model=SearchAnswer, summary="Reports whose evidence, actors or title contain text")
def api_search(request: Request, q: Annotated[str, Query(min_length=2, max_length=200)],
               limit: Annotated[int, Query(ge=1, le=200)] = 50) -> SearchAnswer:
    with _access(request).open() as store:
        return SearchAnswer(q, search_reports(store, q, limit=limit))
