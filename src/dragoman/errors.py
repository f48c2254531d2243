"""Named errors. The library raises them; the CLI turns them into one line for the user."""

from typing import Optional


class DragomanError(Exception):
    """Base of every error Dragoman raises on purpose."""


class InputError(DragomanError):
    """One input (a file, a JSON line, a feed entry, a WARC record) cannot be read as an article."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelNotInstalled(DragomanError):
    """The configured spaCy pipeline is not an installed package (nothing is downloaded)."""


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
