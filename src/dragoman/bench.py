"""How fast Dragoman analyzes a corpus, next to bare spaCy on the same texts, from one run.

The parse is the floor of this design: bare spaCy (``spacy.load`` of the same base package, all
its components, ``nlp.pipe(texts, batch_size=32)``) over the cleaned texts is what any tool built
on it pays. The headline is the ratio bare time / Dragoman time (1.0: Dragoman adds nothing).
Dragoman loads its models with numpy's matrix multiplication where spaCy loads them with blis
(``Settings.matmul``); bare spaCy is then also timed with Dragoman's backend, so that the cost
of Dragoman's own stages alone reads as ``own_ratio``.
Reading and HTML extraction happen once, up front, outside both timings. With one job the
Dragoman run is timed stage by stage (the components are run one after another on each batch,
as ``nlp.pipe`` does); with several, the wall time of the worker pool once every worker has its
pipeline. Bare spaCy runs first in this process, so its peak memory is its own; the process's
peak after the Dragoman run is an upper bound for Dragoman's (workers report their own).
Each Dragoman run also reports the CPU seconds it got (this process's, or the workers' inside
their batches): ``core_share``, CPU seconds / (jobs x wall seconds), is 1.0 when every process
had a core all the time. On a machine shared with other jobs it drops (a worker waits for a
core), and wall times, the ratios and ``--jobs 2`` against ``--jobs 1`` with them, mean little;
``busy_share`` (workers' wall seconds inside batches / (jobs x wall)) tells an uneven end of the
work apart from waiting.
With ``--jobs N`` the run also times one job, so the speed-up is measured next to it.
Every timing is taken ``rounds`` times, one after another in each round (bare spaCy, bare spaCy
on Dragoman's backend, Dragoman with one job, with N jobs): the machine's speed drifts within
minutes, and a ratio of two timings seconds apart, its median over rounds, says more than two
timings minutes apart.
``dragoman bench`` and ``benchmarks/throughput.py`` both print this report.
"""

from __future__ import annotations

import gc
import hashlib
import platform
import resource
import statistics
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from dragoman.errors import DragomanError, InputError
from dragoman.ingest import RawArticle, read_inputs
from dragoman.record import Article
from dragoman.settings import Settings

if TYPE_CHECKING:
    from dragoman.pipeline import Pipeline
    from dragoman.workers import BatchStats

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = (ROOT / "examples" / "samples", ROOT / "tests" / "fixtures" / "pages")
"""The founding article and the fixture pages, when the package runs from a clone."""
WARM_UP = 2
"""Articles analyzed before the clocks start, so lazy loading (knowledge base, gazetteer) is not timed."""


@dataclass
class Round:
    """One pass of every timing, seconds apart, so the machine's drift touches them alike."""

    bare_seconds: float
    dragoman_seconds: float
    """With one job, the stage-timed run; with N, the worker pool's wall time."""
    bare_same_matmul_seconds: Optional[float] = None
    one_job_seconds: Optional[float] = None
    """With --jobs > 1: the same corpus through one process, stage by stage."""
    cpu_seconds: Optional[float] = None
    """The Dragoman run's: this process's (one job) or the workers' inside their batches."""
    busy_seconds: Optional[float] = None
    """With --jobs > 1: wall seconds the workers spent inside their batches, summed."""
    stages: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def ratio(self) -> float:
        return self.bare_seconds / self.dragoman_seconds

    @property
    def own_ratio(self) -> float:
        one_job = self.one_job_seconds or self.dragoman_seconds
        return (self.bare_same_matmul_seconds or self.bare_seconds) / one_job

    @property
    def speedup(self) -> Optional[float]:
        return self.one_job_seconds / self.dragoman_seconds if self.one_job_seconds else None


@dataclass
class BenchReport:
    articles: int
    words: int
    jobs: int
    model: str
    matmul: str
    failed: int
    read_seconds: float
    bare_seconds: float
    dragoman_seconds: float
    bare_peak_mb: float
    peak_mb: float
    """This process's peak resident memory after both runs."""
    worker_peak_mb: Optional[float] = None
    """With --jobs > 1: the largest peak of one worker process."""
    bare_same_matmul_seconds: Optional[float] = None
    """Bare spaCy with Dragoman's matmul backend, when that is not spaCy's own (blis)."""
    stages: dict[str, float] = field(default_factory=dict)
    """Seconds per stage in the one-job Dragoman run of the round whose one-job time is the median,
    in pipeline order; their shares are of these stages' sum, and ``own_over_parse`` is Dragoman's
    own stages (cleaning, its components, the record) over spaCy's."""
    rounds: list[Round] = field(default_factory=list)
    """Every round's timings; the seconds above are their medians, the ratios the medians of theirs."""
    one_job_seconds: Optional[float] = None
    """With --jobs > 1: the median one-job time, to read the speed-up against."""
    records_identical: bool = True
    """Whether every Dragoman run of every round wrote the same records."""
    records_sha256: str = ""
    """Digest of the records as JSON Lines: equal digests, identical output."""
    cpu_seconds: Optional[float] = None
    """CPU seconds of the Dragoman run: this process's (one job) or the workers' inside their batches."""
    busy_seconds: Optional[float] = None
    """With --jobs > 1: wall seconds the workers spent inside their batches, summed."""
    machine: str = field(default_factory=lambda: f"{platform.machine()} {platform.processor() or ''}".strip())

    @property
    def ratio(self) -> float:
        return statistics.median(r.ratio for r in self.rounds)

    @property
    def own_ratio(self) -> float:
        """Bare spaCy time with Dragoman's backend / one-job Dragoman time: what Dragoman's own stages cost."""
        return statistics.median(r.own_ratio for r in self.rounds)

    @property
    def speedup(self) -> Optional[float]:
        """With --jobs > 1: one-job time / N-job time, the median over rounds."""
        return statistics.median(r.speedup for r in self.rounds) if self.one_job_seconds else None

    def to_dict(self) -> dict:
        report = asdict(self)
        for timing in report["rounds"]:
            del timing["stages"]  # the median round's are the report's
        report["ratio"] = round(self.ratio, 3)
        report["own_ratio"] = round(self.own_ratio, 3)
        if self.speedup is not None:
            report["speedup"] = round(self.speedup, 3)
        report["articles_per_second"] = round(self.articles / self.dragoman_seconds, 2)
        report["words_per_second"] = round(self.words / self.dragoman_seconds)
        report["bare_articles_per_second"] = round(self.articles / self.bare_seconds, 2)
        total = sum(self.stages.values())
        report["stage_shares"] = {name: round(s / total, 4) for name, s in self.stages.items()}
        if self.stages:
            own = sum(s for name, s in self.stages.items() if is_own_stage(name))
            report["own_over_parse"] = round(own / (total - own), 4)
        if self.cpu_seconds is not None:
            report["core_share"] = round(self.cpu_seconds / (self.jobs * self.dragoman_seconds), 3)
        if self.busy_seconds is not None:
            report["busy_share"] = round(self.busy_seconds / (self.jobs * self.dragoman_seconds), 3)
        return report


OWN_STAGES = ("cleaning", "to_article", "serialisation")
"""Dragoman's stages besides its components (``dragoman_*``); the rest is spaCy's parse."""


def is_own_stage(name: str) -> bool:
    return name in OWN_STAGES or name.startswith("dragoman_")


class EmptyCorpus(DragomanError):
    pass


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_corpus(paths: Iterable[str], limit: Optional[int], max_bytes: int) -> tuple[list[RawArticle], int]:
    """The first ``limit`` readable articles, and how many inputs failed before them."""
    raws: list[RawArticle] = []
    failed = 0
    for item in read_inputs([str(p) for p in paths], max_bytes):
        if isinstance(item, InputError):
            failed += 1
        else:
            raws.append(item)
        if limit is not None and len(raws) >= limit:
            break
    return raws, failed


def time_bare(model: str, texts: list[str], batch_size: int = 32, matmul: str = "blis") -> float:
    """Seconds bare spaCy takes over ``texts`` (loading and warm-up not counted); "blis" is how
    ``spacy.load`` builds the models. With one BLAS thread, as Dragoman runs (blis has one anyway):
    bare spaCy on numpy is the floor of Dragoman's own stages, so it multiplies as they do."""
    import spacy

    from dragoman.nlp import matmul_ops
    from dragoman.workers import one_blas_thread

    with matmul_ops(matmul):
        nlp = spacy.load(model)
    with one_blas_thread():
        list(nlp.pipe(texts[:WARM_UP]))
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=batch_size):
            pass
        seconds = time.perf_counter() - start
    del nlp
    gc.collect()
    return seconds


def time_stages(pipeline: Pipeline, raws: list[RawArticle]) -> tuple[float, dict[str, float], list[str], float]:
    """Dragoman over ``raws`` in one process, timed per stage: what ``analyze_stream`` does,
    with the pipeline's components run one after another on each batch; and its CPU seconds.
    With one BLAS thread, as ``analyze_parallel`` runs a one-process analysis."""
    from dragoman.workers import one_blas_thread

    with one_blas_thread():
        return _time_stages(pipeline.hold(), raws)


def _time_stages(pipeline: Pipeline, raws: list[RawArticle]) -> tuple[float, dict[str, float], list[str], float]:
    nlp = pipeline.nlp  # held, as the CLI holds it
    for _outcome in pipeline.analyze_stream(raws[:WARM_UP]):
        pass
    stages: dict[str, float] = defaultdict(float)
    lines: list[str] = []
    clock = time.perf_counter
    start, cpu = clock(), time.process_time()
    items = iter(raws)
    while batch := list(islice(items, pipeline.settings.batch_size)):
        mark = clock()
        articles = [a for a in (pipeline.prepare(raw, None) for raw in batch) if isinstance(a, Article)]
        stages["cleaning"] += clock() - mark
        mark = clock()
        docs = [pipeline.doc_for(article) for article in articles]
        stages["tokenizer"] += clock() - mark
        for name, component in nlp.pipeline:
            mark = clock()
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, batch_size=pipeline.settings.batch_size))
            else:
                docs = [component(doc) for doc in docs]
            stages[name] += clock() - mark
        mark = clock()
        outcomes = [pipeline.finish(doc) for doc in docs]
        stages["to_article"] += clock() - mark
        mark = clock()
        lines.extend(o.to_json() for o in outcomes if isinstance(o, Article))
        stages["serialisation"] += clock() - mark
    return clock() - start, dict(stages), lines, time.process_time() - cpu


def time_parallel(settings: Settings, raws: list[RawArticle], jobs: int) -> tuple[float, list[str], list[BatchStats]]:
    """Wall seconds of ``jobs`` worker processes over ``raws``, from the moment all have loaded;
    the records; what the workers reported with each batch (peak memory, time)."""
    from dragoman.workers import analyze_parallel

    started: list[float] = []
    batches: list[BatchStats] = []
    lines = [outcome.to_json() for _item, outcome in
             analyze_parallel(raws, settings, jobs=jobs, on_ready=lambda: started.append(time.perf_counter()),
                              on_batch=batches.append)
             if isinstance(outcome, Article)]
    return time.perf_counter() - started[0], lines, batches


def run(paths: Optional[Iterable[str]] = None, settings: Optional[Settings] = None, jobs: int = 1,
        limit: Optional[int] = None, pipeline: Optional[Pipeline] = None, rounds: int = 1) -> BenchReport:
    """Read the corpus, then ``rounds`` times: bare spaCy, Dragoman (``pipeline`` if given) with
    one job and, when ``jobs`` > 1, with ``jobs``; report the medians."""
    from dragoman.clean import clean
    from dragoman.pipeline import Pipeline

    settings = settings or (pipeline.settings if pipeline else Settings())
    mark = time.perf_counter()
    raws, failed = read_corpus(paths or DEFAULT_CORPUS, limit, settings.max_bytes)
    read_seconds = time.perf_counter() - mark
    if not raws:
        raise EmptyCorpus("no readable article in the corpus")
    texts = [clean(raw).text for raw in raws]
    pipeline = pipeline or Pipeline(settings)
    timed: list[Round] = []
    digests: list[str] = []
    bare_peak = 0.0
    worker_peak = None
    for _ in range(rounds):
        bare = time_bare(settings.model, texts, settings.batch_size)
        bare_same = (time_bare(settings.model, texts, settings.batch_size, settings.matmul)
                     if settings.matmul != "blis" else None)
        bare_peak = bare_peak or peak_mb()  # before the first Dragoman run: bare spaCy's own
        one_job, stages, lines, cpu = time_stages(pipeline, raws)
        digests.append(hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest())
        if jobs == 1:
            timed.append(Round(bare, one_job, bare_same, cpu_seconds=cpu, stages=stages))
            continue
        seconds, lines, batches = time_parallel(settings, raws, jobs)
        digests.append(hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest())
        worker_peak = max([b.peak_mb for b in batches if b.peak_mb is not None] + [worker_peak or 0.0]) or None
        timed.append(Round(bare, seconds, bare_same, one_job, cpu_seconds=sum(b.cpu_seconds for b in batches),
                           busy_seconds=sum(b.seconds for b in batches), stages=stages))
    middle = sorted(timed, key=lambda r: r.dragoman_seconds)[(rounds - 1) // 2]
    staged = sorted(timed, key=lambda r: r.one_job_seconds or r.dragoman_seconds)[(rounds - 1) // 2]

    def median_of(name: str) -> Optional[float]:
        values = [getattr(r, name) for r in timed]
        return statistics.median(values) if values[0] is not None else None

    return BenchReport(articles=len(raws), words=sum(len(t.split()) for t in texts), jobs=jobs,
                       model=settings.model, matmul=settings.matmul, failed=failed + len(raws) - len(lines),
                       read_seconds=read_seconds, bare_seconds=median_of("bare_seconds"),
                       dragoman_seconds=median_of("dragoman_seconds"),
                       bare_same_matmul_seconds=median_of("bare_same_matmul_seconds"), bare_peak_mb=bare_peak,
                       peak_mb=peak_mb(), worker_peak_mb=worker_peak, stages=staged.stages,
                       records_sha256=digests[0], cpu_seconds=middle.cpu_seconds,
                       busy_seconds=middle.busy_seconds, rounds=timed,
                       one_job_seconds=median_of("one_job_seconds"), records_identical=len(set(digests)) == 1)


def format_report(report: BenchReport) -> str:
    """The report for people: throughput, memory, then where Dragoman's time goes."""
    r, figures = report, report.to_dict()
    lines = [
        f"{r.articles} articles, {r.words:,} words ({r.failed} failed); model {r.model}, matmul {r.matmul}, "
        f"jobs {r.jobs}; reading took {r.read_seconds:.1f} s (not timed below)",
        f"  bare spaCy   {r.bare_seconds:7.1f} s  {r.articles / r.bare_seconds:6.2f} articles/s  "
        f"{r.words / r.bare_seconds:7.0f} words/s  peak {r.bare_peak_mb:.0f} MB",
        f"  dragoman     {r.dragoman_seconds:7.1f} s  {r.articles / r.dragoman_seconds:6.2f} articles/s  "
        f"{r.words / r.dragoman_seconds:7.0f} words/s  peak {r.peak_mb:.0f} MB (this process)"
        + (f", {r.worker_peak_mb:.0f} MB (largest worker)" if r.worker_peak_mb else ""),
        f"  ratio bare time / dragoman time: {r.ratio:.2f}",
    ]
    if len(r.rounds) > 1:
        lines.insert(1, f"  medians of {len(r.rounds)} rounds, each timing every run one after another")
    if r.speedup is not None:
        lines.append(f"  one job {r.one_job_seconds:.1f} s; speed-up with {r.jobs} jobs: {r.speedup:.2f}x")
    if not r.records_identical:
        lines.append("  the runs wrote different records (see records_sha256): the analysis is not deterministic")
    if r.cpu_seconds is not None:
        lines.append(f"  dragoman got {figures['core_share']:.0%} of {r.jobs} core(s) over its wall time"
                     + (f", its workers were busy {figures['busy_share']:.0%} of it" if r.busy_seconds is not None else "")
                     + (" (other processes took cores: wall times mean little)" if figures["core_share"] < 0.9 else ""))
    if r.bare_same_matmul_seconds:
        lines.append(f"  bare spaCy with {r.matmul}: {r.bare_same_matmul_seconds:.1f} s; ratio of that / dragoman "
                     f"time (Dragoman's own stages): {r.own_ratio:.2f}")
    if r.stages:
        total = sum(r.stages.values())
        lines.append("  time share of each stage" + (" (one job, the median round):" if r.one_job_seconds else ":"))
        lines += [f"    {name:<22} {seconds:7.2f} s  {seconds / total:6.1%}" for name, seconds in r.stages.items()]
        lines.append(f"  Dragoman's own stages / the parse: {figures['own_over_parse']:.1%}")
    lines.append(f"  records sha256 {r.records_sha256[:16]}")
    return "\n".join(lines)
