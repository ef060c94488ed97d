"""Versions and syndicated copies: one text captured twice is one version group."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import framing

SEED = "corpus/uk-officers-gaza-2025-10"
IND_SCRAPE, IND_CAPTURE, NATIONAL = (
    "000_b3acba8742215c2b",
    "001_c94a21444263d4de",
    "002_66abed3701f1b670",
)

FIRST_CAPTURE = """\
The Wharfside bridge will reopen to traffic in March after repairs costing £4m, the county \
council confirmed on Tuesday.

Engineers found corrosion in the steel supports during a routine inspection last spring, and \
the crossing has been closed since May, forcing drivers onto a twelve-mile detour through the \
town centre.

"We know how much disruption this has caused," said council leader Amira Patel. "The work was \
essential to keep the bridge safe for decades to come."

Local businesses on both banks of the river said the closure had cut their trade by up to a \
third over the summer months, and several cafes near the old toll house have shut for good.

The council said buses would return to the bridge in the first week after it reopens, with \
cyclists and pedestrians allowed back a fortnight earlier."""

# The same article a few hours later: two small edits and one paragraph added.
UPDATED_CAPTURE = (
    FIRST_CAPTURE.replace("confirmed on Tuesday", "confirmed on Tuesday afternoon").replace(
        "twelve-mile", "12-mile"
    )
    + """

Opposition councillors have called for an independent review of why the corrosion was not \
spotted during the previous inspection in 2022."""
)

# Another outlet's own report of the same event: its own wording, the same quotes.
OTHER_REPORT = """\
Drivers face months more disruption after the council admitted the Wharfside crossing would \
stay shut until the spring.

Ms Patel, who leads the authority, blamed rusting girders for the delay. "We know how much \
disruption this has caused," she said. "The work was essential to keep the bridge safe for \
decades to come."

Traders told this paper that footfall had collapsed since the bridge closed, and one café \
owner said she was considering selling up.

A spokesman for the bus operator said services would be restored as soon as engineers had \
signed the structure off as safe."""


def _corpus(rows: list[tuple[str, str, str, str | None]], **options) -> framing.Corpus:
    frame = pd.DataFrame(rows, columns=["doc_id", "text", "outlet", "published"])
    return framing.load_corpus(frame, **options)


def _groups(corpus: framing.Corpus) -> dict[str, tuple[str, bool, bool]]:
    """doc_id -> (version_group, is_primary, syndicated)."""
    return {
        r.doc_id: (r.version_group, r.is_primary, r.syndicated)
        for r in corpus.articles.itertuples()
    }


# --------------------------------------------------------------------------- seed corpus


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> framing.Corpus:
    return framing.load_corpus(shared_dir / SEED)


def test_seed_independent_captures_are_one_group_with_the_fuller_one_primary(
    seed: framing.Corpus,
) -> None:
    lengths = seed.articles.set_index("doc_id")["text"].str.len()
    assert lengths[IND_CAPTURE] > lengths[IND_SCRAPE]  # 4,008 against 2,405 characters
    assert _groups(seed) == {
        IND_SCRAPE: (IND_CAPTURE, False, False),
        IND_CAPTURE: (IND_CAPTURE, True, False),
        NATIONAL: (NATIONAL, True, False),
    }
    assert sorted(seed.primary["doc_id"]) == [IND_CAPTURE, NATIONAL]


def test_seed_has_exactly_one_version_pair(seed: framing.Corpus) -> None:
    pairs = seed.versions
    assert pairs[["doc_id", "other_doc_id", "same_outlet"]].values.tolist() == [
        [IND_SCRAPE, IND_CAPTURE, True]
    ]
    assert pairs["containment"].iloc[0] >= 0.5


# --------------------------------------------------------------------------- captures


def test_two_captures_with_edits_are_one_group_and_the_fuller_is_primary() -> None:
    corpus = _corpus(
        [
            ("first", FIRST_CAPTURE, "Harbour Herald", "2025-03-04 09:00"),
            ("updated", UPDATED_CAPTURE, "Harbour Herald", "2025-03-04 16:30"),
        ]
    )
    assert _groups(corpus) == {
        "first": ("updated", False, False),
        "updated": ("updated", True, False),
    }
    pair = corpus.versions.iloc[0]
    assert len(corpus.versions) == 1
    assert (pair["doc_id"], pair["other_doc_id"], pair["same_outlet"]) == ("first", "updated", True)
    assert 0.5 <= pair["containment"] < 1.0  # edited, so not a full match


@pytest.mark.parametrize(
    ("primary", "first_published", "updated_published", "expected"),
    [
        ("fullest", "2025-03-04 09:00", "2025-03-04 16:30", "updated"),
        ("earliest", "2025-03-04 09:00", "2025-03-04 16:30", "first"),
        ("latest", "2025-03-04 09:00", "2025-03-04 16:30", "updated"),
        # dates reversed: the shorter text is now the later one
        ("earliest", "2025-03-05 09:00", "2025-03-04 16:30", "updated"),
        ("latest", "2025-03-05 09:00", "2025-03-04 16:30", "first"),
    ],
)
def test_primary_rule_picks_the_counted_version(
    primary: str, first_published: str, updated_published: str, expected: str
) -> None:
    corpus = _corpus(
        [
            ("first", FIRST_CAPTURE, "Harbour Herald", first_published),
            ("updated", UPDATED_CAPTURE, "Harbour Herald", updated_published),
        ],
        primary=primary,
    )
    assert corpus.primary["doc_id"].tolist() == [expected]
    assert set(corpus.articles["version_group"]) == {expected}


def test_syndicated_copy_joins_the_group_and_each_outlet_keeps_one_primary() -> None:
    corpus = _corpus(
        [
            ("herald-early", FIRST_CAPTURE, "Harbour Herald", None),
            ("post-wire", FIRST_CAPTURE, "Daily Post", None),
            ("herald-late", UPDATED_CAPTURE, "Harbour Herald", None),
        ]
    )
    assert _groups(corpus) == {
        "herald-early": ("herald-late", False, True),
        "post-wire": ("herald-late", True, True),
        "herald-late": ("herald-late", True, True),
    }
    same_outlet = {(r.doc_id, r.other_doc_id): r.same_outlet for r in corpus.versions.itertuples()}
    assert same_outlet == {
        ("herald-early", "post-wire"): False,
        ("herald-early", "herald-late"): True,
        ("post-wire", "herald-late"): False,
    }


def test_different_reports_of_the_same_event_stay_in_separate_groups() -> None:
    corpus = _corpus(
        [
            ("herald", FIRST_CAPTURE, "Harbour Herald", None),
            ("post", OTHER_REPORT, "Daily Post", None),
        ]
    )
    assert corpus.versions.empty
    assert _groups(corpus) == {"herald": ("herald", True, False), "post": ("post", True, False)}


def test_threshold_above_the_pair_containment_keeps_captures_apart() -> None:
    rows = [
        ("first", FIRST_CAPTURE, "Harbour Herald", None),
        ("updated", UPDATED_CAPTURE, "Harbour Herald", None),
    ]
    containment = _corpus(rows).versions["containment"].iloc[0]
    corpus = _corpus(rows, version_threshold=min(1.0, containment + 0.01))
    assert corpus.versions.empty
    assert corpus.articles["is_primary"].all()


def test_version_threshold_none_switches_detection_off() -> None:
    corpus = _corpus(
        [
            ("first", FIRST_CAPTURE, "Harbour Herald", None),
            ("updated", UPDATED_CAPTURE, "Harbour Herald", None),
            ("copy", FIRST_CAPTURE, "Daily Post", None),
        ],
        version_threshold=None,
    )
    assert corpus.versions.empty
    assert _groups(corpus) == {
        "first": ("first", True, False),
        "updated": ("updated", True, False),
        "copy": ("copy", True, False),
    }


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"version_threshold": 0}, "version_threshold=0; use a share in (0, 1]"),
        ({"version_threshold": 1.5}, "version_threshold=1.5; use a share in (0, 1]"),
        ({"primary": "newest"}, "primary='newest'; use 'fullest', 'earliest' or 'latest'"),
    ],
)
def test_bad_version_option_raises_corpus_error(options: dict, words: str) -> None:
    with pytest.raises(framing.CorpusError) as raised:
        _corpus([("first", FIRST_CAPTURE, "Harbour Herald", None)], **options)
    assert words in str(raised.value)


# --------------------------------------------------------------------------- out of core


def _pairwise(texts: list[str], threshold: float) -> list[tuple[int, int, int, float]]:
    """Containment over every pair of sampled shingle sets: the definition, by brute force."""
    from framing.corpus._versions import MAX_POSTINGS, _sampled_shingles

    samples = [_sampled_shingles(t) for t in texts]
    counts: dict[int, int] = {}
    for sample in samples:
        for h in sample:
            counts[h] = counts.get(h, 0) + 1
    out = []
    for a in range(len(texts)):
        for b in range(a + 1, len(texts)):
            shared = sum(1 for h in samples[a] & samples[b] if counts[h] <= MAX_POSTINGS)
            if shared < 3:
                continue
            containment = shared / min(len(samples[a]), len(samples[b]))
            if containment >= threshold:
                out.append((a, b, shared, round(containment, 4)))
    return out


@pytest.mark.parametrize("threshold", [0.5, 0.2])
def test_pairs_found_out_of_core_are_the_pairs_of_every_pair_compared(monkeypatch, threshold):
    from framing.corpus import _versions

    rng = __import__("random").Random(7)
    sentences = [s for t in (FIRST_CAPTURE, UPDATED_CAPTURE, OTHER_REPORT) for s in t.split(". ")]
    texts = [". ".join(rng.sample(sentences, 6)) for _ in range(40)]
    texts += [FIRST_CAPTURE, UPDATED_CAPTURE, FIRST_CAPTURE[:400], OTHER_REPORT]
    # Slices of a few hundred entries, partitions of a few articles, small batches: the
    # corpus is read in many slices and its pairs counted in many partitions.
    monkeypatch.setattr(_versions, "_SLICE_ENTRIES", 300)
    monkeypatch.setattr(_versions, "_DOCS_PER_PARTITION", 5)
    monkeypatch.setattr(_versions, "_PAIRS_PER_BATCH", 50)
    found = [
        (p.a, p.b, p.shared, p.containment) for p in _versions.find_version_pairs(texts, threshold)
    ]
    assert found == _pairwise(texts, threshold)
    assert len(found) >= 3  # the captures, at least, are versions
