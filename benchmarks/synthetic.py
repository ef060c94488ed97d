"""A synthetic corpus of any size from BASIL's sentences, for the scale benchmarks.

Each synthetic article takes the paragraph shape of a BASIL article (how many
paragraphs, how many sentences in each) and fills it with sentences drawn at random
from all of BASIL, so that no two articles share more than chance wording and none
merge as versions. Outlets, stories, dates and titles are drawn from BASIL's too. The
draw is seeded: the same size and seed give the same file, byte for byte.

BASIL (Fan et al. 2019) is read from ``../shared/corpus/basil/articles`` and never
copied into the project; the generated file goes wherever the caller says (a temporary
folder by default in the benchmarks).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BASIL = REPO.parent / "shared" / "corpus" / "basil" / "articles"


def basil_articles(folder: Path = DEFAULT_BASIL) -> list[dict]:
    files = sorted(folder.rglob("*.json"))
    if not files:
        sys.exit(
            f"BASIL not found: {folder} holds no .json files; pass --basil pointing at "
            "BASIL's articles/ folder (../shared/corpus/basil/articles beside the checkout)"
        )
    return [json.loads(p.read_text(encoding="utf-8")) for p in files]


def write_corpus(path: Path, n: int, seed: int = 0, basil: Path = DEFAULT_BASIL) -> Path:
    """Write ``n`` synthetic articles as JSON Lines to ``path`` (streamed; flat memory)."""
    articles = basil_articles(basil)
    sentences = [s for a in articles for p in a["body-paragraphs"] for s in p if s.strip()]
    shapes = [[len(p) for p in a["body-paragraphs"] if p] for a in articles]
    outlets = [a["source"] for a in articles]
    titles = [a.get("title") or "" for a in articles]
    dates = [a.get("date") for a in articles]
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            shape = rng.choice(shapes)
            paragraphs = [[rng.choice(sentences) for _ in range(k)] for k in shape]
            record = {
                "id": f"synthetic-{i:07d}",
                "source": rng.choice(outlets),
                "title": rng.choice(titles),
                "date": rng.choice(dates),
                "story": f"story-{rng.randrange(max(1, n // 3))}",
                "body-paragraphs": paragraphs,
            }
            out.write(json.dumps(record) + "\n")
    return path


#: How framing loads the file (the fields named as in BASIL).
FIELDS = {
    "doc_id": "id",
    "text": "body-paragraphs",
    "outlet": "source",
    "title": "title",
    "published": "date",
    "story": "story",
}
