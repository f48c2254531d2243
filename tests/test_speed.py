"""Speed: commands that do not analyze start without spaCy; --jobs and bench give real answers."""

from __future__ import annotations

import subprocess
import sys

STARTUP = """
import sys
from click.testing import CliRunner
from dragoman.cli import cli

for args in (["--help"], ["analyze", "--help"], ["search", "--help"],
             ["ingest", "--help"], ["serve", "--help"], ["schema"]):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, (args, result.output)
print(sorted({name.split(".")[0] for name in sys.modules} & {"spacy", "thinc", "trafilatura"}))
"""


def test_help_and_schema_start_without_importing_spacy():
    """A fresh interpreter, as a shell user gets one: spaCy alone takes seconds to import."""
    done = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"  # on main before issue 18: ['spacy', 'thinc', 'trafilatura']
