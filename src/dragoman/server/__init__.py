"""The HTTP API and web UI (``dragoman serve``): FastAPI over one corpus file, plus analysis on request.

Needs the ``server`` extra (``pip install 'dragoman[server]'``): FastAPI and uvicorn are imported
only by those who serve.
"""

from __future__ import annotations

from typing import Optional

from dragoman.pipeline import Pipeline
from dragoman.settings import Settings


def serve(db: Optional[str] = None, host: str = "127.0.0.1", port: int = 8000, allow_writes: bool = False,
          settings: Optional[Settings] = None, pipeline: Optional[Pipeline] = None) -> None:
    """Run the server until interrupted (what ``dragoman serve`` calls)."""
    import uvicorn

    from dragoman.server.app import create_app

    app = create_app(db, allow_writes=allow_writes, settings=settings, pipeline=pipeline)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
