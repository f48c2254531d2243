"""Named errors. The library raises them; the CLI turns them into one line for the user."""

from typing import Optional


class DragomanError(Exception):
    """Base of every error Dragoman raises on purpose."""


class InputError(DragomanError):
    """One input (a file, a JSON line, a feed entry, a WARC record) cannot be read as an article.

    The reason is kept on one printable line (a library's message may hold newlines or the bytes
    it choked on), so that every bad input is exactly one line of a batch's error output.
    """

    def __init__(self, source: str, reason: str):
        reason = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in " ".join(str(reason).split()))
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class Skipped(InputError):
    """An input left unread on purpose (a hidden file, a LICENSE, a WARC request record): reported,
    but not a failure."""


class ModelNotInstalled(DragomanError):
    """The configured spaCy pipeline is not an installed package (nothing is downloaded)."""


class SettingsError(DragomanError):
    """A setting (a flag or an environment variable) has a value Dragoman cannot use."""


class GoldError(DragomanError):
    """A gold file is not in the format of GOLD.md."""


class StageFailure(InputError):
    """A bug: an analysis stage raised on one article. Reported for that article; the batch goes on."""

    def __init__(self, source: str, stage: str, error: Exception):
        super().__init__(source, f"internal error in stage '{stage}' (a bug: please report it): "
                                 f"{type(error).__name__}: {error}")
        self.stage = stage
        self.error = error


class DataFileError(DragomanError):
    """A data file (word list, knowledge base, lexicon) is malformed: fails at load, not per article."""

    def __init__(self, path: str, line: Optional[int], reason: str):
        super().__init__(f"{path}, line {line}: {reason}" if line else f"{path}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason
