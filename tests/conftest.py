"""Shared fixtures: where ../shared is, and a writer for small corpus folders."""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder beside the checkout (real corpora, never copied into the repo)."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found: looked for {SHARED}")
    return SHARED


WriteCorpus = Callable[..., Path]


@pytest.fixture(scope="session")
def write_corpus(tmp_path_factory: pytest.TempPathFactory) -> WriteCorpus:
    """Write ``files`` (name -> str or bytes) and an optional manifest into a new folder."""

    def write(
        files: Mapping[str, str | bytes],
        manifest: Sequence[Mapping[str, str]] | None = None,
        folder: str = "articles",
    ) -> Path:
        root = tmp_path_factory.mktemp(folder)
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        if manifest is not None:
            columns = list(dict.fromkeys(key for row in manifest for key in row))
            with (root / "manifest.csv").open("w", newline="", encoding="utf-8") as out:
                writer = csv.DictWriter(out, fieldnames=columns)
                writer.writeheader()
                writer.writerows(manifest)
        return root

    return write


@pytest.fixture()
def demo_table(tmp_path: Path) -> Callable[[int], Path]:
    """A CSV of ``n`` articles, the demo texts over and over under three outlets: enough
    work for a run to be stopped in the middle."""
    import pandas as pd

    import framing

    def write(n: int) -> Path:
        texts = [p.read_text(encoding="utf-8") for p in sorted(framing.DEMO_CORPUS.glob("*.txt"))]
        table = tmp_path / "articles.csv"
        pd.DataFrame(
            {
                "doc_id": [f"d{i}" for i in range(n)],
                "outlet": [f"Outlet {i % 3}" for i in range(n)],
                "text": [texts[i % len(texts)] for i in range(n)],
            }
        ).to_csv(table, index=False)
        return table

    return write
