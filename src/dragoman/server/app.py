"""The HTTP API over one corpus file, and the web UI beside it: ``create_app(db=...)``.

Every route calls one ``Corpus`` method (or a read in ``views``) and adds nothing of its own, so the
server answers what the ``dragoman`` commands print. The corpus is opened read-only (SQLite's
``query_only``) unless writes are allowed; each worker thread has its own connection, since one
SQLite connection must not serve two threads at once. Errors reach clients as one JSON line
(``{"detail": ...}``), never as a traceback.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
import typing
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Optional

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, model_validator

from dragoman.corpus import Corpus, CorpusError
from dragoman.corpus.queries import Filters
from dragoman.errors import DragomanError, InputError, StageFailure
from dragoman.ingest.fields import json_article
from dragoman.pipeline import Pipeline
from dragoman.record import EventType
from dragoman.server import views
from dragoman.server.limits import BodyLimit
from dragoman.settings import Settings
from dragoman.tables import article_key

STATIC = Path(__file__).parent / "static"
MAX_LIMIT = 1000
log = logging.getLogger("dragoman.server")


class Backend:
    """What the routes share: the corpus path (a connection per thread), the pipeline (loaded once,
    used by one request at a time: a spaCy pipeline is not made for concurrent calls) and the
    write switch."""

    def __init__(self, db: Optional[str], allow_writes: bool, settings: Settings, pipeline: Optional[Pipeline]):
        self.db = db
        self.allow_writes = allow_writes
        self.settings = settings
        self.pipeline = pipeline or Pipeline(settings)
        self.analysis = threading.Lock()
        self.writes = threading.Lock()
        self.load_error: Optional[str] = None
        self._local = threading.local()
        self._opened: list[Corpus] = []
        if db is not None:
            if not allow_writes and not Path(db).is_file():
                raise CorpusError(f"{db}: no such corpus file (build one with `dragoman ingest PATH --db {db}`, "
                                  "or start the server with --allow-writes to create it)")
            self.corpus()  # a file that is not a corpus fails now, not at the first request

    def corpus(self) -> Corpus:
        if self.db is None:
            raise HTTPException(404, "this server has no corpus (start it with --db corpus.db)")
        corpus = getattr(self._local, "corpus", None)
        if corpus is None:
            corpus = Corpus(self.db)
            if not self.allow_writes:
                corpus.db.execute("PRAGMA query_only = ON")
            self._local.corpus = corpus
            self._opened.append(corpus)
        return corpus

    def warm(self) -> None:
        """Load the pipeline now, so the first article pasted does not wait for it."""
        with self.analysis:
            self._load()

    def _load(self) -> None:
        if self.load_error is None:
            try:
                self.pipeline.nlp
            except (DragomanError, ImportError, OSError) as exc:
                self.load_error = f"the analysis pipeline cannot be loaded: {exc}"
                log.error(self.load_error)

    def close(self) -> None:
        for corpus in self._opened:
            corpus.close()
        self._opened.clear()


class AnalyzeRequest(BaseModel):
    """An article as in JSON Lines input: ``text`` or ``html`` and optional metadata."""

    model_config = ConfigDict(extra="forbid")
    text: Optional[str] = None
    html: Optional[str] = None
    id: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    date: Optional[dt.date] = None
    """Publication date for an article that carries none (as ``dragoman analyze --date``)."""
    store: bool = False
    """Also store the record in the corpus (only on a server started with --allow-writes)."""

    @model_validator(mode="after")
    def one_body(self) -> "AnalyzeRequest":
        if not (self.text and self.text.strip()) and not (self.html and self.html.strip()):
            raise ValueError("give the article as a non-empty 'text' or 'html'")
        return self


def filters(actor: Annotated[Optional[str], Query(description="A corpus actor id or part of a name (lavrov).")] = None,
            country: Annotated[Optional[str], Query(pattern="^[A-Za-z]{3}$", description="ISO 3166 alpha-3 (RUS).")] = None,
            type: Annotated[Optional[EventType], Query(description="PLOVER event type.")] = None,
            since: Annotated[Optional[dt.date], Query(description="From this day (YYYY-MM-DD).")] = None,
            until: Annotated[Optional[dt.date], Query(description="Up to this day (YYYY-MM-DD).")] = None,
            limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
            offset: Annotated[int, Query(ge=0)] = 0) -> Filters:
    """The filters every listing takes, checked (a bad value is a 422 naming the parameter)."""
    return Filters(actor=actor, country=country, event_type=type, since=since and since.isoformat(),
                   until=until and until.isoformat(), limit=limit, offset=offset)


FilterParams = Annotated[Filters, Depends(filters)]


def page(rows: list[dict[str, Any]], f: Filters) -> dict[str, Any]:
    """A listing's page, with where the next one starts (null on the last page)."""
    return {"items": rows, "limit": f.limit, "offset": f.offset,
            "next_offset": f.offset + f.limit if len(rows) == f.limit else None}


def create_app(db: Optional[str] = None, *, allow_writes: bool = False, settings: Optional[Settings] = None,
               pipeline: Optional[Pipeline] = None, warm: bool = True) -> FastAPI:
    """The API and UI over the corpus file ``db`` (None: analysis only). ``pipeline`` reuses a loaded
    one; request bodies are limited to ``settings.max_bytes``."""
    settings = settings or (pipeline.settings if pipeline else Settings())
    backend = Backend(db, allow_writes, settings, pipeline)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if warm:
            threading.Thread(target=backend.warm, name="dragoman-load", daemon=True).start()
        yield
        backend.close()

    app = FastAPI(title="Dragoman", version="1", lifespan=lifespan,
                  description="Who said what, who did what to whom, when and where, and which claims are "
                              "contested: articles analyzed on request, and a corpus to explore.")
    app.state.backend = backend
    app.add_middleware(BodyLimit, max_bytes=settings.max_bytes)
    add_error_handlers(app)
    add_routes(app, backend)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app


def problem(error: dict[str, Any]) -> str:
    """One validation error as ``where: what`` (``query.type: Input should be 'AGREE', ...``)."""
    if error["type"] == "json_invalid":
        return f"body: not valid JSON ({error.get('ctx', {}).get('error', 'cannot be parsed')})"
    where = ".".join(str(p) for p in error["loc"] if p != "body") or "body"
    return f"{where}: {error['msg']}"


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [problem(e) for e in exc.errors()]
        return JSONResponse({"detail": "; ".join(problems),
                             "errors": [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]}
                                        for e in exc.errors()]}, status_code=422)

    @app.exception_handler(CorpusError)
    async def corpus_error(request: Request, exc: CorpusError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "internal error (logged on the server)"}, status_code=500)


def add_routes(app: FastAPI, backend: Backend) -> None:
    @app.get("/api/info")
    def info() -> dict[str, Any]:
        """What this server offers: a corpus (and its size), writes, the analysis pipeline."""
        counts = None
        if backend.db is not None:
            corpus = backend.corpus()
            counts = {t: corpus.count(t) for t in ("articles", "corpus_actors", "events", "stories", "happenings",
                                                   "contested")}
        return {"corpus": backend.db and Path(backend.db).name, "counts": counts, "allow_writes": backend.allow_writes,
                "model": backend.settings.model, "max_bytes": backend.settings.max_bytes,
                "event_types": list(typing.get_args(EventType)), "analysis_error": backend.load_error}

    @app.post("/api/analyze")
    def analyze(request: AnalyzeRequest) -> dict[str, Any]:
        """Analyze one article (text or HTML); the record comes back, and is stored when ``store``
        is true and the server allows writes."""
        if request.store and not (backend.allow_writes and backend.db):
            raise HTTPException(403, "this server does not store articles (start it with --db FILE --allow-writes)")
        fields = request.model_dump(exclude={"date", "store"}, exclude_none=True)
        source = request.url or "<pasted>"
        try:
            raw = json_article(fields, source)
            with backend.analysis:
                backend._load()
                if backend.load_error:
                    raise HTTPException(503, backend.load_error)
                article = backend.pipeline.analyze(raw, date=request.date and request.date.isoformat())
        except StageFailure as exc:  # a bug in a stage, not the client's fault; the message names it
            log.error("%s", exc)
            raise HTTPException(500, str(exc)) from exc
        except InputError as exc:
            raise HTTPException(422, str(exc)) from exc
        stored = False
        if request.store:
            with backend.writes:
                corpus = backend.corpus()
                stored = corpus.save(article)
                corpus.refresh()
        return {"record": article.to_dict(), "stored": stored, "corpus_id": article_key(article)}

    @app.get("/api/articles")
    def articles(f: FilterParams, story: Optional[str] = None) -> dict[str, Any]:
        """Articles, newest first; filters as the CLI's, plus ``story`` (a story id)."""
        return page(views.articles(backend.corpus().db, f, story), f)

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        """The full record of one stored article, as ``dragoman analyze`` writes it."""
        try:
            return backend.corpus().record(article_id)
        except CorpusError:
            raise HTTPException(404, f"no article {article_id!r} in this corpus") from None

    @app.get("/api/search")
    def search(q: Annotated[str, Query(min_length=1, max_length=1000, description="FTS5 syntax or plain words.")],
               f: FilterParams) -> dict[str, Any]:
        """Articles matching ``q`` over titles, bodies and quotes, best first, with ``[matched]`` snippets."""
        return page(backend.corpus().search(q, f), f)

    @app.get("/api/actors")
    def actors(f: FilterParams) -> dict[str, Any]:
        return page(backend.corpus().actors(f), f)

    @app.get("/api/actors/{actor_id:path}")
    def actor(actor_id: str, f: FilterParams) -> dict[str, Any]:
        """One actor: mentions, quotes, events, relations and network neighbours (each list paged by limit/offset)."""
        found = views.actor(backend.corpus().db, actor_id, f)
        if found is None:
            raise HTTPException(404, f"no actor {actor_id!r} in this corpus")
        return found

    @app.get("/api/events")
    def events(f: FilterParams) -> dict[str, Any]:
        return page(backend.corpus().events(f), f)

    @app.get("/api/happenings")
    def happenings(f: FilterParams) -> dict[str, Any]:
        return page(backend.corpus().happenings(f), f)

    @app.get("/api/stories")
    def stories(f: FilterParams) -> dict[str, Any]:
        return page(backend.corpus().stories(f), f)

    @app.get("/api/stories/{story_id}")
    def story(story_id: str) -> dict[str, Any]:
        found = views.story(backend.corpus().db, story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id!r} in this corpus")
        return found

    @app.get("/api/network")
    def network(f: FilterParams, edges: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 200) -> dict[str, Any]:
        """Who did what to whom, as ``dragoman network --format json`` writes it (``Corpus.network``:
        an edge per source, target and event type, weighted by happenings), kept to the ``edges``
        heaviest edges and their actors (``limit`` is ignored here; ``offset`` skips the heaviest)."""
        return views.network_page(backend.corpus().network(f), dataclasses.replace(f, limit=edges))

    @app.get("/api/contested")
    def contested(f: FilterParams) -> dict[str, Any]:
        return page(backend.corpus().contested(f), f)

