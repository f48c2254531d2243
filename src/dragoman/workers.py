"""Analysis in worker processes, results in input order: one pool for ``ingest`` and ``analyze --jobs``.

Each worker process builds one Pipeline when it starts and keeps it for every batch it is sent
(loading spaCy and the knowledge base once per process, not per article). The parent reads the
inputs and hands out small batches; at most a few batches per worker are in flight, so memory
stays flat on a million inputs. A bad input comes back as its InputError and the batch goes on;
a worker that cannot build its pipeline makes the whole run fail with the reason, not hang.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING, Callable, ContextManager, Iterable, Iterator, Optional

from dragoman.errors import DragomanError, InputError
from dragoman.ingest import Item, RawArticle
from dragoman.settings import Settings

if TYPE_CHECKING:
    from dragoman.pipeline import Outcome, Pipeline

IN_FLIGHT_PER_WORKER = 3
LOAD_TIMEOUT = 900
"""Seconds the parent waits for every worker to load its pipeline when asked to (benchmarks)."""


class WorkerFailed(DragomanError):
    """A worker process could not build its pipeline (the model would not load in it)."""


@dataclass
class BatchStats:
    """What a worker reports with each batch, for benchmarks: its peak resident memory so far
    (MB; None off Linux), and the wall and CPU seconds the batch took in it. CPU seconds below the
    wall seconds mean the worker waited for a core (another process had it)."""

    peak_mb: Optional[float]
    seconds: float
    cpu_seconds: float


def default_jobs() -> int:
    """The CPUs this process may use (the affinity mask where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


class _Worker:
    """The state of one worker process: its pipeline, built once by the pool's initializer.

    A failure there is kept and raised with the first batch: a pool whose initializer raises
    starts new workers forever."""

    pipeline: Optional[Pipeline] = None
    failure: Optional[str] = None

    @classmethod
    def start(cls, settings: Settings, loaded=None) -> None:
        from dragoman.pipeline import Pipeline

        try:
            cls.pipeline = Pipeline(settings).hold()
        except Exception as exc:  # noqa: BLE001 - any reason is reported to the parent
            cls.failure = f"a worker could not load the pipeline ({type(exc).__name__}: {exc})"
        # One process per core: a second BLAS thread only competes. Set once numpy has loaded
        # OpenBLAS, which the limit reaches only if it is already loaded; for the worker's life.
        one_blas_thread()
        if loaded is not None:
            loaded.wait(LOAD_TIMEOUT)

    @classmethod
    def analyze(cls, batch: list[Item], date: Optional[str]) -> tuple[list[Outcome], BatchStats]:
        """The batch's outcomes, and this worker's peak memory and the batch's time."""
        if cls.failure is not None:
            raise WorkerFailed(cls.failure)
        assert cls.pipeline is not None, "worker used before its initializer ran"
        wall, cpu = time.perf_counter(), time.process_time()
        outcomes = list(cls.pipeline.analyze_stream(batch, date=date))
        return outcomes, BatchStats(own_peak_mb(), time.perf_counter() - wall, time.process_time() - cpu)


def one_blas_thread() -> ContextManager:
    """Limit the BLAS libraries already loaded (numpy's OpenBLAS) to one thread: until the
    context exits, or for the process's life when called alone (a worker). Dragoman's models
    multiply small matrices: in a one-process run OpenBLAS's second thread bought no wall time and
    cost a quarter more CPU (RESULTS.md, session 15), and beside a worker on each core it only
    competes. The limit is process-wide, so a library caller's process gets it only as a context,
    while Dragoman analyzes."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1, user_api="blas")


def tapering_batches(items: Iterator[Item], size: int, jobs: int) -> Iterator[list[Item]]:
    """``items`` in batches of ``size``, then, once the input runs out, in smaller and smaller
    ones. The workers end together only if the last batches are small: a batch of 8 articles is
    about 2 s of one worker, and with even batches one worker waited on average half of one for
    the other at the end. Reads ``size * jobs`` items beyond the batch it hands out to see the end
    coming; each batch after that takes a ``2 * jobs``-th of what is left."""
    ahead: list[Item] = []
    while True:
        ahead += islice(items, size * (jobs + 1) - len(ahead))
        if not ahead:
            return
        take = size if len(ahead) > size * jobs else -(-len(ahead) // (2 * jobs))
        batch, ahead = ahead[:take], ahead[take:]
        yield batch


def own_peak_mb() -> Optional[float]:
    """This process's own peak resident memory (Linux ``VmHWM``; None elsewhere). ``getrusage``
    will not do in a worker: its peak starts from the parent's size at the fork before exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            line = next(line for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return None
    return int(line.split()[1]) / 1024


def analyze_parallel(items: Iterable[Item], settings: Settings, jobs: int = 1, date: Optional[str] = None,
                     pipeline: Optional[Pipeline] = None,
                     on_ready: Optional[Callable[[], None]] = None,
                     on_batch: Optional[Callable[[BatchStats], None]] = None) -> Iterator[tuple[Item, Outcome]]:
    """Each input with its outcome (an Article or an InputError), in input order.

    With ``jobs`` 1 the work is done here, by ``pipeline`` if given (tests and the server pass the
    one they hold), each batch with one BLAS thread (``one_blas_thread``; the caller's setting is
    back whenever an outcome is handed to it); otherwise by ``jobs`` worker processes, started at
    the first input to analyze (a rerun with everything stored starts none). ``on_ready`` is
    called once every worker has loaded its pipeline, before any input is handed out (benchmarks
    start their clock); ``on_batch`` with what a worker reports after each batch (its peak memory,
    the batch's time).
    """
    items = iter(items)
    batch_size = max(1, min(settings.batch_size, 8))
    if jobs <= 1:
        if pipeline is None:
            from dragoman.pipeline import Pipeline

            pipeline = Pipeline(settings)
        if on_ready is not None:
            pipeline.nlp
            on_ready()
        while batch := list(islice(items, settings.batch_size)):
            with one_blas_thread():
                outcomes = list(pipeline.analyze_stream(batch, date=date))
            yield from zip(batch, outcomes)
        return
    for item in items:  # workers take seconds to start: none for a run with nothing to analyze
        if isinstance(item, RawArticle):
            items = chain([item], items)
            break
        yield item, item
    else:
        return
    context = multiprocessing.get_context("spawn")
    loaded = context.Barrier(jobs + 1) if on_ready is not None else None
    with context.Pool(jobs, initializer=_Worker.start, initargs=(settings, loaded)) as pool:
        if loaded is not None:
            loaded.wait(LOAD_TIMEOUT)
            on_ready()
        pending: deque = deque()
        batches = tapering_batches(items, batch_size, jobs)
        while True:
            while len(pending) < jobs * IN_FLIGHT_PER_WORKER and (batch := next(batches, None)):
                ready = [item for item in batch if isinstance(item, RawArticle)]
                pending.append((batch, pool.apply_async(_Worker.analyze, (ready, date)) if ready else None))
            if not pending:
                break
            batch, result = pending.popleft()
            done, stats = result.get() if result is not None else ([], None)
            if stats is not None and on_batch is not None:
                on_batch(stats)
            outcomes = iter(done)
            for item in batch:
                yield item, (item if isinstance(item, InputError) else next(outcomes))
