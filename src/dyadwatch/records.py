"""Records that flow through the pipeline: articles in, documents and events out.

Every stage speaks in these dataclasses; nothing downstream reaches back into an upstream
module's internals. Field names follow ../shared/CONTRACT.md where the contract fixes them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Status = Literal["asserted", "negated", "hypothetical"]
DateBasis = Literal["explicit", "relative", "publication"]
AttributionKind = Literal["outlet", "agency", "official", "anonymous", "expert", "government", "document", "other"]


@dataclass
class Article:
    """One input article as read from a file, before validation and cleaning."""

    origin: str  # where it came from: "path" or "path:line"
    id: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as given
    raw_bytes: int = 0  # size of the raw input, for the size limit
    ignored_fields: tuple[str, ...] = ()  # JSON fields present but not read (see dyadwatch.ingest.fields)
    received: date | None = None  # the input file's modification day: the article was published by then


@dataclass
class Document:
    """An accepted article: cleaned text plus metadata. Evidence offsets point into `text`."""

    doc_id: str
    text: str
    content_hash: str
    origin: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)  # dropped or assumed on the way in (not stored)
    # the day by which it was published (its file's modification day, else the ingest day): gives a year
    # to a dateline without one (not stored)
    received: date | None = field(default=None, compare=False)


@dataclass
class Rejection:
    """An input that could not become a document, kept with its reason (never silently dropped)."""

    rejection_id: str
    origin: str
    reason: str  # short machine-readable reason: empty, binary, undecodable, non_english, oversized, id_conflict, ...
    detail: str = ""
    doc_id: str | None = None


@dataclass(frozen=True)
class Actor:
    """An actor: CAMEO-style code (primary + sectors) with its ISO3 country.

    `code` is None for a doer the dictionaries do not know ("Ibo traditional elders"): the text names it,
    and `country` is set only where the text places it (see dyadwatch.coding.unresolved). An empty `text`
    marks a party the sentence implies but does not name (see dyadwatch.coding.implicit.home_target)."""

    text: str
    code: str | None
    country: str | None
    sector: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "code": self.code, "country": self.country, "sector": self.sector}
        if self.name:
            out["name"] = self.name
        return out


@dataclass(frozen=True)
class Attribution:
    """One link of an attribution chain: who the text says reported or claimed the event."""

    text: str
    kind: str

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "kind": self.kind}


@dataclass(frozen=True)
class Evidence:
    """The sentence an event was coded from, with offsets into the cleaned document text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Event:
    """One coded event, in the shape of the contract's event record."""

    event_id: str
    doc_id: str
    sentence_index: int
    source: Actor | None
    target: Actor | None
    cameo: str
    plover: str
    goldstein: float
    quad_class: int
    status: Status
    date: str | None
    date_basis: DateBasis | None
    evidence: Evidence
    attribution: list[Attribution] = field(default_factory=list)
    cluster_id: str | None = None
    trigger: str = ""  # the words that triggered the code, for explanation
    trigger_start: int | None = None  # character offset of the trigger's first word: text order in a sentence

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "plover": self.plover,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "status": self.status,
            "date": self.date,
            "date_basis": self.date_basis,
            "attribution": [a.to_dict() for a in self.attribution],
            "evidence": self.evidence.to_dict(),
            "cluster_id": self.cluster_id,
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
        }

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> "Event":
        def actor(d: dict[str, Any] | None) -> Actor | None:
            if not d:
                return None
            return Actor(d.get("text", ""), d.get("code"), d.get("country"), d.get("sector"), d.get("name"))

        ev = row["evidence"]
        return cls(
            event_id=row["event_id"],
            doc_id=row["doc_id"],
            sentence_index=int(row["sentence_index"]),
            source=actor(row.get("source")),
            target=actor(row.get("target")),
            cameo=row["cameo"],
            plover=row["plover"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            status=row["status"],
            date=row.get("date"),
            date_basis=row.get("date_basis"),
            evidence=Evidence(ev["text"], int(ev["start"]), int(ev["end"])),
            attribution=[Attribution(a["text"], a["kind"]) for a in row.get("attribution") or []],
            cluster_id=row.get("cluster_id"),
            trigger=row.get("trigger", ""),
            trigger_start=row.get("trigger_start"),
        )


def as_plain(obj: Any) -> Any:
    """A JSON-ready copy of any record (dates as ISO strings)."""
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    data = asdict(obj)
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in data.items()}
