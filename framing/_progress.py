"""Progress bars for long work, and nothing when they are not asked for."""

from __future__ import annotations

import logging
from typing import Any

__all__ = ["progress_bar"]

log = logging.getLogger("framing")


class _Silent:
    """A bar that draws nothing (progress=False)."""

    def update(self, n: int = 1) -> None:
        pass

    def set_description_str(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self) -> _Silent:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def progress_bar(enabled: bool, total: int | None, desc: str, unit: str = "it") -> Any:
    """A tqdm bar (in a notebook, its widget) where ``enabled``, else a silent stand-in."""
    if not enabled:
        return _Silent()
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit=unit)


class Stages:
    """A bar over the named stages of a task; each stage is also logged."""

    def __init__(self, enabled: bool, names: list[str], desc: str) -> None:
        self.bar = progress_bar(enabled, len(names), desc, unit="step")
        self.desc = desc

    def start(self, name: str) -> None:
        log.info("%s: %s", self.desc, name)
        self.bar.set_description_str(f"{self.desc}: {name}")

    def done(self) -> None:
        self.bar.update(1)

    def close(self) -> None:
        self.bar.close()
