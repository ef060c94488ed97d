"""Hand-written specification for ``framing.extract_attributions``.

Every sentence below is invented (people, organisations, events); only well-known outlets
(Sky News, Reuters, the BBC, Axios, CNN, the Financial Times, the Guardian) are real, and
only as media sources or recipients.

Each case is ``(text, expected_rows)``. Rows are matched to the extractor's output in order
of ``start`` (ties broken by ``content_start``), the number of rows must match, and only the
keys given in an expected row are compared. Offsets are not written into the table: the
consistency tests at the end check them against the text for every case.

Conventions fixed here, on top of the ones in the task brief:

* ``cue`` is a verbatim slice of the text, so a sentence-initial cue keeps its capital
  ("According to", "It is understood"); ``cue_lemma`` is lower case ("according to",
  "understand"). Auxiliaries and adverbs are left out ("has repeatedly denied" -> "denied").
* Impersonal cues: "It is understood" / "It is believed" (clause after it is the content) and
  "is understood to" / "is believed to" / "is thought to" / "is said to" / "is expected to"
  (raising passives: content is the whole clause, cue included). ``cue_lemma`` is the verb's
  lemma ("understand", "believe", "think", "say", "expect").
* The source span is the whole noun phrase as written, determiner included ("The Ministry of
  Defence", "A senior government source", "A spokesman for the Ministry of Defence"), and a
  title written before a name belongs to it like "Dr" does ("Defence Secretary Martin
  Ashworth", "Councillor Gail Brennan"). An apposition after the name does not ("Tom Reyes").
* ``resolved_source``: persons -> fullest name seen so far, without honorific or title;
  organisations and media -> the name without a leading "the" ("Ministry of Defence",
  "Financial Times"); an unnamed organisation or role -> the noun phrase lower-cased without
  its article ("club", "police", "defence secretary", "minister"); anonymous -> the source
  text lower-cased without its article ("us officials", "senior government source").
* ``recipient`` is the noun phrase as written, article included ("the BBC", "the jury",
  "the Guardian newspaper").
* "police" on its own (a police spokesman, according to police) is an organisation.
* A quote-only paragraph continues the speaker of the nearest preceding attribution, whether
  that attribution was direct or indirect.
* "X, 34, of Mill Lane, Northbridge, denied that ..." -> source "X" (ages and addresses are
  appositions).
* A speech verb with no reported content ("declined to comment", "spoke first") gives no row.
* Left open: a quote sentence right after '"...," she said.' in the same paragraph. The brief
  reads it both as part of a split quote (cue "said", source "she") and as a continuation
  (cue None, source = resolved name); the case "quote-sentence-after-said-politics" asserts
  only what the two readings share.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import framing

COLUMNS = {
    "start",
    "end",
    "kind",
    "cue",
    "cue_lemma",
    "source",
    "source_start",
    "source_end",
    "source_type",
    "resolved_source",
    "content",
    "content_start",
    "content_end",
    "recipient",
    "rule",
}
KINDS = {"direct", "indirect", "according_to", "impersonal"}
SOURCE_TYPES = {"person", "organisation", "anonymous", "media"}


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------


def _clean(value: Any) -> Any:
    """NaN / NA / None -> None; numpy scalars -> Python scalars."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        # an offset column holding a missing value comes back as float64
        return int(value)
    return value


def _records(text: str) -> list[dict[str, Any]]:
    df = framing.extract_attributions(text)
    assert isinstance(df, pd.DataFrame)
    keys = [c for c in ("start", "content_start") if c in df.columns]
    if keys and len(df):
        df = df.sort_values(keys, kind="stable", na_position="last")
    return [{k: _clean(v) for k, v in rec.items()} for rec in df.to_dict("records")]


def _show(rows: list[dict[str, Any]]) -> str:
    keys = ("kind", "cue", "source", "resolved_source", "source_type", "content", "recipient")
    return "\n".join(f"  {i}: " + repr({k: r.get(k) for k in keys}) for i, r in enumerate(rows))


def check(text: str, expected: list[dict[str, Any]]) -> None:
    got = _records(text)
    assert len(got) == len(expected), (
        f"expected {len(expected)} row(s), got {len(got)} for {text!r}:\n{_show(got)}"
    )
    problems = []
    for i, (row, want) in enumerate(zip(got, expected, strict=True)):
        for key, value in want.items():
            if key not in row:
                problems.append(f"row {i}: no column {key!r}")
            elif row[key] != value:
                problems.append(f"row {i}: {key} = {row[key]!r}, expected {value!r}")
    assert not problems, f"{text!r}\n" + "\n".join(problems) + "\ngot:\n" + _show(got)


# --------------------------------------------------------------------------------------------
# 1. direct speech: quote marks, verb before or after, split quotes, speech verbs
# --------------------------------------------------------------------------------------------

DIRECT = [
    pytest.param(
        '"We will not be bounced into a bad deal," Rachel Lowe said.',
        [
            dict(
                kind="direct",
                cue="said",
                cue_lemma="say",
                source="Rachel Lowe",
                source_type="person",
                resolved_source="Rachel Lowe",
                content="We will not be bounced into a bad deal,",
                recipient=None,
            )
        ],
        id="quote-then-x-said-politics",
    ),
    pytest.param(
        '"We were second best for most of the game," said Tom Reyes, the club\'s manager.',
        [
            dict(
                kind="direct",
                cue="said",
                cue_lemma="say",
                source="Tom Reyes",
                source_type="person",
                resolved_source="Tom Reyes",
                content="We were second best for most of the game,",
            )
        ],
        id="quote-then-said-x-apposition-sport",
    ),
    pytest.param(
        'Councillor Gail Brennan said: "The bridge will reopen on Friday."',
        [
            dict(
                kind="direct",
                cue="said",
                cue_lemma="say",
                source="Councillor Gail Brennan",
                source_type="person",
                resolved_source="Gail Brennan",
                content="The bridge will reopen on Friday.",
            )
        ],
        id="x-said-colon-quote-local",
    ),
    pytest.param(
        'Priya Nair said "nothing is off the table" when asked about job cuts.',
        [
            dict(
                kind="direct",
                cue="said",
                cue_lemma="say",
                source="Priya Nair",
                source_type="person",
                resolved_source="Priya Nair",
                content="nothing is off the table",
            )
        ],
        id="x-said-quote-no-colon-business",
    ),
    pytest.param(
        'Rachel Lowe left the meeting early. "We will act," she said, "because we have no choice."',
        [
            dict(
                kind="direct",
                cue="said",
                cue_lemma="say",
                source="she",
                source_type="person",
                resolved_source="Rachel Lowe",
                content="We will act,",
            ),
            dict(
                kind="direct",
                cue="said",
                cue_lemma="say",
                source="she",
                source_type="person",
                resolved_source="Rachel Lowe",
                content="because we have no choice.",
            ),
        ],
        id="split-quote-one-sentence-politics",
    ),
    pytest.param(
        '"The plan is dead," Anton Varga said, "and everyone in this room knows it."',
        [
            dict(
                kind="direct",
                cue="said",
                source="Anton Varga",
                resolved_source="Anton Varga",
                source_type="person",
                content="The plan is dead,",
            ),
            dict(
                kind="direct",
                cue="said",
                source="Anton Varga",
                resolved_source="Anton Varga",
                source_type="person",
                content="and everyone in this room knows it.",
            ),
        ],
        id="split-quote-named-foreign",
    ),
    pytest.param(
        '"The next few weeks will be critical," Dr Amara Okafor added.',
        [
            dict(
                kind="direct",
                cue="added",
                cue_lemma="add",
                source="Dr Amara Okafor",
                source_type="person",
                resolved_source="Amara Okafor",
                content="The next few weeks will be critical,",
            )
        ],
        id="verb-added-health",
    ),
    pytest.param(
        '"If nothing changes, the reef will be gone within a generation," '
        "Professor Helen Marsh warned.",
        [
            dict(
                kind="direct",
                cue="warned",
                cue_lemma="warn",
                source="Professor Helen Marsh",
                source_type="person",
                resolved_source="Helen Marsh",
                content="If nothing changes, the reef will be gone within a generation,",
            )
        ],
        id="verb-warned-science",
    ),
    pytest.param(
        '"I have never wanted to leave," Leo Dunmore insisted.',
        [
            dict(
                kind="direct",
                cue="insisted",
                cue_lemma="insist",
                source="Leo Dunmore",
                source_type="person",
                resolved_source="Leo Dunmore",
                content="I have never wanted to leave,",
            )
        ],
        id="verb-insisted-sport",
    ),
    pytest.param(
        '"We got the pricing wrong," Priya Nair admitted.',
        [
            dict(
                kind="direct",
                cue="admitted",
                cue_lemma="admit",
                source="Priya Nair",
                source_type="person",
                content="We got the pricing wrong,",
            )
        ],
        id="verb-admitted-business",
    ),
    pytest.param(
        '"I was at home all evening," Daniel Pryce claimed.',
        [
            dict(
                kind="direct",
                cue="claimed",
                cue_lemma="claim",
                source="Daniel Pryce",
                source_type="person",
                content="I was at home all evening,",
            )
        ],
        id="verb-claimed-courts",
    ),
    pytest.param(
        '"The numbers are not where we want them to be," Wes Patel conceded.',
        [
            dict(
                kind="direct",
                cue="conceded",
                cue_lemma="concede",
                source="Wes Patel",
                source_type="person",
                content="The numbers are not where we want them to be,",
            )
        ],
        id="verb-conceded-politics",
    ),
    pytest.param(
        'Dr Amara Okafor explained: "The virus spreads mainly in crowded rooms."',
        [
            dict(
                kind="direct",
                cue="explained",
                cue_lemma="explain",
                source="Dr Amara Okafor",
                resolved_source="Amara Okafor",
                content="The virus spreads mainly in crowded rooms.",
            )
        ],
        id="verb-explained-colon-health",
    ),
    pytest.param(
        '"Cheaper fares will pay for themselves," argued Nikhil Shah, a transport campaigner.',
        [
            dict(
                kind="direct",
                cue="argued",
                cue_lemma="argue",
                source="Nikhil Shah",
                source_type="person",
                resolved_source="Nikhil Shah",
                content="Cheaper fares will pay for themselves,",
            )
        ],
        id="verb-argued-inverted-local",
    ),
    pytest.param(
        'Asked whether she would resign, Gail Brennan replied: "Absolutely not."',
        [
            dict(
                kind="direct",
                cue="replied",
                cue_lemma="reply",
                source="Gail Brennan",
                source_type="person",
                content="Absolutely not.",
            )
        ],
        id="verb-replied-local",
    ),
    pytest.param(
        '"The evidence is now overwhelming," Professor Helen Marsh wrote in a blog post.',
        [
            dict(
                kind="direct",
                cue="wrote",
                cue_lemma="write",
                source="Professor Helen Marsh",
                resolved_source="Helen Marsh",
                content="The evidence is now overwhelming,",
                recipient=None,
            )
        ],
        id="verb-wrote-science",
    ),
    pytest.param(
        '"What a night. Proud of every one of them," Tom Reyes tweeted.',
        [
            dict(
                kind="direct",
                cue="tweeted",
                cue_lemma="tweet",
                source="Tom Reyes",
                source_type="person",
                content="What a night. Proud of every one of them,",
            )
        ],
        id="verb-tweeted-two-sentence-quote-sport",
    ),
    pytest.param(
        '"Two men have been arrested," Northbridge Police confirmed.',
        [
            dict(
                kind="direct",
                cue="confirmed",
                cue_lemma="confirm",
                source="Northbridge Police",
                source_type="organisation",
                resolved_source="Northbridge Police",
                content="Two men have been arrested,",
            )
        ],
        id="verb-confirmed-organisation-crime",
    ),
    pytest.param(
        "\u201cThe factory will stay open,\u201d Priya Nair said.",
        [
            dict(
                kind="direct",
                cue="said",
                source="Priya Nair",
                content="The factory will stay open,",
            )
        ],
        id="curly-quotes-business",
    ),
    pytest.param(
        '"The deal is dead," said Anton Varga. Rachel Lowe said talks would continue.',
        [
            dict(
                kind="direct",
                cue="said",
                source="Anton Varga",
                content="The deal is dead,",
            ),
            dict(
                kind="indirect",
                cue="said",
                source="Rachel Lowe",
                content="talks would continue",
            ),
        ],
        id="two-speakers-in-order-foreign",
    ),
]


# --------------------------------------------------------------------------------------------
# 2. indirect speech: with and without "that", adverbs, auxiliaries, relative clauses
# --------------------------------------------------------------------------------------------

INDIRECT = [
    pytest.param(
        "Rachel Lowe said that the bill would return to the Commons in the spring.",
        [
            dict(
                kind="indirect",
                cue="said",
                cue_lemma="say",
                source="Rachel Lowe",
                source_type="person",
                resolved_source="Rachel Lowe",
                content="the bill would return to the Commons in the spring",
                recipient=None,
            )
        ],
        id="said-that-politics",
    ),
    pytest.param(
        "Gail Brennan said the bridge would reopen on Friday.",
        [
            dict(
                kind="indirect",
                cue="said",
                cue_lemma="say",
                source="Gail Brennan",
                source_type="person",
                content="the bridge would reopen on Friday",
            )
        ],
        id="said-no-that-local",
    ),
    pytest.param(
        "Tom Reyes told reporters that his side had deserved a draw.",
        [
            dict(
                kind="indirect",
                cue="told",
                cue_lemma="tell",
                source="Tom Reyes",
                source_type="person",
                content="his side had deserved a draw",
                recipient="reporters",
            )
        ],
        id="told-reporters-that-sport",
    ),
    pytest.param(
        "Chief Constable Sarah Lyle told reporters the suspect had been known to police.",
        [
            dict(
                kind="indirect",
                cue="told",
                cue_lemma="tell",
                source="Chief Constable Sarah Lyle",
                source_type="person",
                resolved_source="Sarah Lyle",
                content="the suspect had been known to police",
                recipient="reporters",
            )
        ],
        id="told-reporters-no-that-crime",
    ),
    pytest.param(
        "Daniel Pryce has repeatedly denied that he was driving the car.",
        [
            dict(
                kind="indirect",
                cue="denied",
                cue_lemma="deny",
                source="Daniel Pryce",
                source_type="person",
                content="he was driving the car",
            )
        ],
        id="has-repeatedly-denied-courts",
    ),
    pytest.param(
        "Mary Aldous, who has run the bakery for 30 years, said the rent rise would force "
        "her to close.",
        [
            dict(
                kind="indirect",
                cue="said",
                cue_lemma="say",
                source="Mary Aldous",
                source_type="person",
                resolved_source="Mary Aldous",
                content="the rent rise would force her to close",
            )
        ],
        id="relative-clause-before-verb-local",
    ),
    pytest.param(
        "Priya Nair also said the company would not pay a dividend this year.",
        [
            dict(
                kind="indirect",
                cue="said",
                cue_lemma="say",
                source="Priya Nair",
                content="the company would not pay a dividend this year",
            )
        ],
        id="adverb-also-said-business",
    ),
    pytest.param(
        "Wes Patel later told MPs that the new hospital would open in 2028.",
        [
            dict(
                kind="indirect",
                cue="told",
                cue_lemma="tell",
                source="Wes Patel",
                source_type="person",
                content="the new hospital would open in 2028",
                recipient="MPs",
            )
        ],
        id="adverb-later-told-health",
    ),
    pytest.param(
        "Professor Helen Marsh has long said that the models underestimate ice loss.",
        [
            dict(
                kind="indirect",
                cue="said",
                cue_lemma="say",
                source="Professor Helen Marsh",
                resolved_source="Helen Marsh",
                content="the models underestimate ice loss",
            )
        ],
        id="has-long-said-science",
    ),
    pytest.param(
        "The company is preparing a bid for its smaller rival, Priya Nair said.",
        [
            dict(
                kind="indirect",
                cue="said",
                cue_lemma="say",
                source="Priya Nair",
                source_type="person",
                content="The company is preparing a bid for its smaller rival",
            )
        ],
        id="clause-then-x-said-business",
    ),
    pytest.param(
        "Harrowgate Bank noted that arrears remained low by historical standards.",
        [
            dict(
                kind="indirect",
                cue="noted",
                cue_lemma="note",
                source="Harrowgate Bank",
                source_type="organisation",
                resolved_source="Harrowgate Bank",
                content="arrears remained low by historical standards",
            )
        ],
        id="noted-organisation-business",
    ),
    pytest.param(
        "Castlemere Foods announced that it would cut 300 jobs.",
        [
            dict(
                kind="indirect",
                cue="announced",
                cue_lemma="announce",
                source="Castlemere Foods",
                source_type="organisation",
                resolved_source="Castlemere Foods",
                content="it would cut 300 jobs",
            )
        ],
        id="announced-organisation-business",
    ),
    pytest.param(
        "Foreign Minister Anton Varga conceded that the ceasefire was fragile.",
        [
            dict(
                kind="indirect",
                cue="conceded",
                cue_lemma="concede",
                source="Foreign Minister Anton Varga",
                source_type="person",
                resolved_source="Anton Varga",
                content="the ceasefire was fragile",
            )
        ],
        id="conceded-title-foreign",
    ),
]


# --------------------------------------------------------------------------------------------
# 3. "according to"
# --------------------------------------------------------------------------------------------

ACCORDING_TO = [
    pytest.param(
        "About 900 people left, according to the Millbrook Tenants' Association, which counts.",
        [dict(source="the Millbrook Tenants' Association", source_type="organisation")],
        id="plural-possessive-inside-a-body-name",
    ),
    pytest.param(
        "The fish died of ammonia, according to the Lakes and Canals Authority.",
        [dict(source="the Lakes and Canals Authority", source_type="organisation")],
        id="and-inside-a-body-name",
    ),
    pytest.param(
        "The strike goes on, according to the Ferry and Harbour Workers’ Union.",
        [dict(source="the Ferry and Harbour Workers’ Union", source_type="organisation")],
        id="and-and-curly-possessive-inside-a-body-name",
    ),
    pytest.param(
        "According to Sky News, the club has agreed a £40m fee for the winger.",
        [
            dict(
                kind="according_to",
                cue="According to",
                cue_lemma="according to",
                source="Sky News",
                source_type="media",
                resolved_source="Sky News",
                content="the club has agreed a £40m fee for the winger",
                recipient=None,
            )
        ],
        id="start-media-sport",
    ),
    pytest.param(
        "The envoy left the capital on Sunday night, according to Reuters.",
        [
            dict(
                kind="according_to",
                cue="according to",
                cue_lemma="according to",
                source="Reuters",
                source_type="media",
                resolved_source="Reuters",
                content="The envoy left the capital on Sunday night",
            )
        ],
        id="end-media-foreign",
    ),
    pytest.param(
        "Unemployment rose to 4.6% in the three months to March, according to figures from "
        "the Office for National Statistics.",
        [
            dict(
                kind="according_to",
                cue="according to",
                cue_lemma="according to",
                source="the Office for National Statistics",
                source_type="organisation",
                resolved_source="Office for National Statistics",
                content="Unemployment rose to 4.6% in the three months to March",
            )
        ],
        id="end-figures-from-organisation-business",
    ),
    pytest.param(
        "The plant will close in June, according to a statement from Castlemere Foods.",
        [
            dict(
                kind="according_to",
                cue="according to",
                cue_lemma="according to",
                source="Castlemere Foods",
                source_type="organisation",
                resolved_source="Castlemere Foods",
                content="The plant will close in June",
            )
        ],
        id="end-statement-from-organisation-business",
    ),
    pytest.param(
        "The two sides are close to a deal, according to people familiar with the talks.",
        [
            dict(
                kind="according_to",
                cue="according to",
                source="people familiar with the talks",
                source_type="anonymous",
                resolved_source="people familiar with the talks",
                content="The two sides are close to a deal",
            )
        ],
        id="end-anonymous-foreign",
    ),
    pytest.param(
        "According to Dr Amara Okafor, the outbreak peaked in early March.",
        [
            dict(
                kind="according_to",
                cue="According to",
                cue_lemma="according to",
                source="Dr Amara Okafor",
                source_type="person",
                resolved_source="Amara Okafor",
                content="the outbreak peaked in early March",
            )
        ],
        id="start-person-health",
    ),
    pytest.param(
        "According to police, the fire was started deliberately.",
        [
            dict(
                kind="according_to",
                cue="According to",
                source="police",
                source_type="organisation",
                resolved_source="police",
                content="the fire was started deliberately",
            )
        ],
        id="start-police-crime",
    ),
]


# --------------------------------------------------------------------------------------------
# 4. recipients and settings: told X, in a statement, in an interview with, speaking to
# --------------------------------------------------------------------------------------------

RECIPIENTS = [
    pytest.param(
        "Defence Secretary Martin Ashworth told Sky News the deployment would last at least "
        "six months.",
        [
            dict(
                kind="indirect",
                cue="told",
                cue_lemma="tell",
                source="Defence Secretary Martin Ashworth",
                source_type="person",
                resolved_source="Martin Ashworth",
                content="the deployment would last at least six months",
                recipient="Sky News",
            )
        ],
        id="told-sky-news-politics",
    ),
    pytest.param(
        '"We will not be rushed," Rachel Lowe told the BBC.',
        [
            dict(
                kind="direct",
                cue="told",
                cue_lemma="tell",
                source="Rachel Lowe",
                content="We will not be rushed,",
                recipient="the BBC",
            )
        ],
        id="direct-told-the-bbc-politics",
    ),
    pytest.param(
        "Castlemere Foods said in a statement that the recall was a precaution.",
        [
            dict(
                kind="indirect",
                cue="said",
                cue_lemma="say",
                source="Castlemere Foods",
                source_type="organisation",
                content="the recall was a precaution",
                recipient=None,
            )
        ],
        id="said-in-a-statement-business",
    ),
    pytest.param(
        "In an interview with the BBC, Wes Patel said the strikes could end within weeks.",
        [
            dict(
                kind="indirect",
                cue="said",
                cue_lemma="say",
                source="Wes Patel",
                content="the strikes could end within weeks",
                recipient="the BBC",
            )
        ],
        id="in-an-interview-with-health",
    ),
    pytest.param(
        "Anton Varga said in an interview with CNN that his government wanted peace.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="Anton Varga",
                content="his government wanted peace",
                recipient="CNN",
            )
        ],
        id="said-in-an-interview-with-cnn-foreign",
    ),
    pytest.param(
        "Speaking to reporters in Brussels, Anton Varga said the sanctions would stay in place.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="Anton Varga",
                content="the sanctions would stay in place",
                recipient="reporters",
            )
        ],
        id="speaking-to-reporters-foreign",
    ),
    pytest.param(
        "Speaking to the BBC, Tom Reyes said he had no plans to resign.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="Tom Reyes",
                content="he had no plans to resign",
                recipient="the BBC",
            )
        ],
        id="speaking-to-the-bbc-sport",
    ),
    pytest.param(
        "Gail Brennan said in a post on X that the bridge would reopen on Friday.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="Gail Brennan",
                source_type="person",
                content="the bridge would reopen on Friday",
                recipient=None,
            )
        ],
        id="said-in-a-post-on-x-local",
    ),
    pytest.param(
        "Professor Helen Marsh told the Guardian newspaper that the ice shelf could collapse "
        "within a decade.",
        [
            dict(
                kind="indirect",
                cue="told",
                cue_lemma="tell",
                source="Professor Helen Marsh",
                resolved_source="Helen Marsh",
                content="the ice shelf could collapse within a decade",
                recipient="the Guardian newspaper",
            )
        ],
        id="told-the-guardian-newspaper-science",
    ),
    pytest.param(
        "Judge Miriam Oduya told the jury that they must ignore anything they had read "
        "about the case.",
        [
            dict(
                kind="indirect",
                cue="told",
                cue_lemma="tell",
                source="Judge Miriam Oduya",
                source_type="person",
                resolved_source="Miriam Oduya",
                content="they must ignore anything they had read about the case",
                recipient="the jury",
            )
        ],
        id="told-the-jury-courts",
    ),
]


# --------------------------------------------------------------------------------------------
# 5. impersonal and passive attributions
# --------------------------------------------------------------------------------------------

IMPERSONAL = [
    pytest.param(
        "It is understood that the club has rejected a second bid for the defender.",
        [
            dict(
                kind="impersonal",
                cue="It is understood",
                cue_lemma="understand",
                source=None,
                source_type="anonymous",
                resolved_source=None,
                content="the club has rejected a second bid for the defender",
                recipient=None,
            )
        ],
        id="it-is-understood-that-sport",
    ),
    pytest.param(
        "It is understood the deal values the company at about £1.2bn.",
        [
            dict(
                kind="impersonal",
                cue="It is understood",
                cue_lemma="understand",
                source=None,
                source_type="anonymous",
                resolved_source=None,
                content="the deal values the company at about £1.2bn",
            )
        ],
        id="it-is-understood-no-that-business",
    ),
    pytest.param(
        "It is believed that the fire started in the kitchen.",
        [
            dict(
                kind="impersonal",
                cue="It is believed",
                cue_lemma="believe",
                source=None,
                source_type="anonymous",
                resolved_source=None,
                content="the fire started in the kitchen",
            )
        ],
        id="it-is-believed-that-local",
    ),
    pytest.param(
        "The minister is understood to have offered her resignation on Tuesday.",
        [
            dict(
                kind="impersonal",
                cue="is understood to",
                cue_lemma="understand",
                source=None,
                source_type="anonymous",
                resolved_source=None,
                content="The minister is understood to have offered her resignation on Tuesday",
            )
        ],
        id="is-understood-to-politics",
    ),
    pytest.param(
        "The gunman is believed to have fled towards the motorway.",
        [
            dict(
                kind="impersonal",
                cue="is believed to",
                cue_lemma="believe",
                source=None,
                source_type="anonymous",
                resolved_source=None,
                content="The gunman is believed to have fled towards the motorway",
            )
        ],
        id="is-believed-to-crime",
    ),
    pytest.param(
        "The meteorite is thought to be about 4.5 billion years old.",
        [
            dict(
                kind="impersonal",
                cue="is thought to",
                cue_lemma="think",
                source=None,
                source_type="anonymous",
                content="The meteorite is thought to be about 4.5 billion years old",
            )
        ],
        id="is-thought-to-science",
    ),
    pytest.param(
        "The general is said to be furious about the leak.",
        [
            dict(
                kind="impersonal",
                cue="is said to",
                cue_lemma="say",
                source=None,
                source_type="anonymous",
                content="The general is said to be furious about the leak",
            )
        ],
        id="is-said-to-foreign",
    ),
    pytest.param(
        "Harrowgate Bank is expected to close 40 branches next year.",
        [
            dict(
                kind="impersonal",
                cue="is expected to",
                cue_lemma="expect",
                source=None,
                source_type="anonymous",
                content="Harrowgate Bank is expected to close 40 branches next year",
            )
        ],
        id="is-expected-to-business",
    ),
    pytest.param(
        "Harbourside FC are close to signing Leo Dunmore. It is understood the fee will "
        "exceed £30m.",
        [
            dict(
                kind="impersonal",
                cue="It is understood",
                source=None,
                content="the fee will exceed £30m",
            )
        ],
        id="it-is-understood-second-sentence-sport",
    ),
    pytest.param(
        "Sources have told the BBC that the inquiry will report before Christmas.",
        [
            dict(
                kind="indirect",
                cue="told",
                cue_lemma="tell",
                source="Sources",
                source_type="anonymous",
                resolved_source="sources",
                content="the inquiry will report before Christmas",
                recipient="the BBC",
            )
        ],
        id="sources-have-told-the-bbc-politics",
    ),
]


# --------------------------------------------------------------------------------------------
# 6. appositions, titles before names, title resolution
# --------------------------------------------------------------------------------------------

APPOSITIONS_AND_TITLES = [
    pytest.param(
        "Dr Amara Okafor, an epidemiologist at the Lister Institute, warned that hospital "
        "admissions would rise.",
        [
            dict(
                kind="indirect",
                cue="warned",
                cue_lemma="warn",
                source="Dr Amara Okafor",
                source_type="person",
                resolved_source="Amara Okafor",
                content="hospital admissions would rise",
            )
        ],
        id="apposition-role-health",
    ),
    pytest.param(
        "Priya Nair, chief executive of Harrowgate Bank, said the bank would close 40 branches.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="Priya Nair",
                source_type="person",
                resolved_source="Priya Nair",
                content="the bank would close 40 branches",
            )
        ],
        id="apposition-names-organisation-business",
    ),
    pytest.param(
        "Daniel Pryce, 34, of Mill Lane, Northbridge, denied that he had been driving the car.",
        [
            dict(
                kind="indirect",
                cue="denied",
                cue_lemma="deny",
                source="Daniel Pryce",
                source_type="person",
                resolved_source="Daniel Pryce",
                content="he had been driving the car",
            )
        ],
        id="apposition-age-address-courts",
    ),
    pytest.param(
        "Admiral Conrad Vail, the head of the naval task force, said the ships would remain "
        "in the Gulf.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="Admiral Conrad Vail",
                source_type="person",
                resolved_source="Conrad Vail",
                content="the ships would remain in the Gulf",
            )
        ],
        id="title-admiral-and-apposition-foreign",
    ),
    pytest.param(
        "Health Secretary Wes Patel said the new hospital would open in 2028.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="Health Secretary Wes Patel",
                source_type="person",
                resolved_source="Wes Patel",
                content="the new hospital would open in 2028",
            )
        ],
        id="title-health-secretary-health",
    ),
    pytest.param(
        "Defence Secretary Martin Ashworth visited the base on Monday. The defence secretary "
        "said the deployment would be reviewed in the spring.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="The defence secretary",
                source_type="person",
                resolved_source="Martin Ashworth",
                content="the deployment would be reviewed in the spring",
            )
        ],
        id="title-resolves-to-earlier-name-politics",
    ),
    pytest.param(
        "The defence secretary said the deployment would be reviewed in the spring.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="The defence secretary",
                source_type="person",
                resolved_source="defence secretary",
                content="the deployment would be reviewed in the spring",
            )
        ],
        id="title-unresolved-politics",
    ),
    pytest.param(
        "Talks would resume next week, the minister said.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="the minister",
                source_type="person",
                resolved_source="minister",
                content="Talks would resume next week",
            )
        ],
        id="title-unresolved-trailing-foreign",
    ),
    pytest.param(
        "Martin Ashworth arrived in Tallinn on Monday. Mr Ashworth said the alliance was united.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="Mr Ashworth",
                source_type="person",
                resolved_source="Martin Ashworth",
                content="the alliance was united",
            )
        ],
        id="honorific-surname-resolves-foreign",
    ),
]


# --------------------------------------------------------------------------------------------
# 7. quote-only paragraphs, continuing quotes, open multi-paragraph quotes
# --------------------------------------------------------------------------------------------

CONTINUATIONS = [
    pytest.param(
        'Jane Aldous, who runs the bakery on Market Street, said: "We were never consulted."'
        "\n\n"
        '"Nobody from the council has been to see us."',
        [
            dict(
                kind="direct",
                cue="said",
                cue_lemma="say",
                source="Jane Aldous",
                source_type="person",
                resolved_source="Jane Aldous",
                content="We were never consulted.",
            ),
            dict(
                kind="direct",
                cue=None,
                cue_lemma=None,
                source="Jane Aldous",
                source_type="person",
                resolved_source="Jane Aldous",
                content="Nobody from the council has been to see us.",
            ),
        ],
        id="quote-only-paragraph-local",
    ),
    pytest.param(
        'Tom Reyes faced the press after the defeat. "We were poor," he said.\n\n'
        '"It was chaos. I take responsibility for that."',
        [
            dict(
                kind="direct",
                cue="said",
                source="he",
                source_type="person",
                resolved_source="Tom Reyes",
                content="We were poor,",
            ),
            dict(
                kind="direct",
                cue=None,
                cue_lemma=None,
                source="Tom Reyes",
                source_type="person",
                resolved_source="Tom Reyes",
                content="It was chaos. I take responsibility for that.",
            ),
        ],
        id="quote-only-paragraph-after-pronoun-sport",
    ),
    pytest.param(
        "Jane Aldous said the council had ignored traders for years.\n\n"
        '"Nobody has ever come to see us."',
        [
            dict(
                kind="indirect",
                cue="said",
                source="Jane Aldous",
                content="the council had ignored traders for years",
            ),
            dict(
                kind="direct",
                cue=None,
                cue_lemma=None,
                source="Jane Aldous",
                source_type="person",
                resolved_source="Jane Aldous",
                content="Nobody has ever come to see us.",
            ),
        ],
        id="quote-only-paragraph-after-indirect-local",
    ),
    pytest.param(
        'Harbourside FC said in a statement: "Tom Reyes leaves with our thanks."\n\n'
        '"The search for a new manager begins immediately."',
        [
            dict(
                kind="direct",
                cue="said",
                source="Harbourside FC",
                source_type="organisation",
                resolved_source="Harbourside FC",
                content="Tom Reyes leaves with our thanks.",
                recipient=None,
            ),
            dict(
                kind="direct",
                cue=None,
                source="Harbourside FC",
                source_type="organisation",
                resolved_source="Harbourside FC",
                content="The search for a new manager begins immediately.",
            ),
        ],
        id="quote-only-paragraph-organisation-sport",
    ),
    pytest.param(
        'A senior government source said: "The vote will go ahead."\n\n'
        '"There is no appetite for delay."',
        [
            dict(
                kind="direct",
                cue="said",
                source="A senior government source",
                source_type="anonymous",
                resolved_source="senior government source",
                content="The vote will go ahead.",
            ),
            dict(
                kind="direct",
                cue=None,
                source="senior government source",
                source_type="anonymous",
                resolved_source="senior government source",
                content="There is no appetite for delay.",
            ),
        ],
        id="quote-only-paragraph-anonymous-politics",
    ),
    pytest.param(
        'Dr Amara Okafor said: "We have seen a sharp rise in admissions over the past '
        'fortnight. Most of those patients are elderly.\n\n"We are asking everyone who is '
        'eligible to get vaccinated now."',
        [
            dict(
                kind="direct",
                cue="said",
                source="Dr Amara Okafor",
                resolved_source="Amara Okafor",
                content="We have seen a sharp rise in admissions over the past fortnight. "
                "Most of those patients are elderly.",
            ),
            dict(
                kind="direct",
                cue=None,
                cue_lemma=None,
                source="Amara Okafor",
                source_type="person",
                resolved_source="Amara Okafor",
                content="We are asking everyone who is eligible to get vaccinated now.",
            ),
        ],
        id="open-quote-runs-to-paragraph-end-health",
    ),
    pytest.param(
        'Professor Helen Marsh said: "The ice is thinning faster than any model predicted.'
        '\n\n"We have perhaps a decade to act," she added.',
        [
            dict(
                kind="direct",
                cue="said",
                source="Professor Helen Marsh",
                resolved_source="Helen Marsh",
                content="The ice is thinning faster than any model predicted.",
            ),
            dict(
                kind="direct",
                cue="added",
                cue_lemma="add",
                source="she",
                source_type="person",
                resolved_source="Helen Marsh",
                content="We have perhaps a decade to act,",
            ),
        ],
        id="open-quote-then-she-added-science",
    ),
    pytest.param(
        # The brief gives two readings for a quote sentence right after "..., she said.":
        # cue "said" and source "she", or a continuation (cue None, source "Rachel Lowe").
        # Only what both readings agree on is asserted for the second row.
        'Rachel Lowe left the meeting early. "We will act," she said. "We have no choice."',
        [
            dict(
                kind="direct",
                cue="said",
                source="she",
                source_type="person",
                resolved_source="Rachel Lowe",
                content="We will act,",
            ),
            dict(
                kind="direct",
                source_type="person",
                resolved_source="Rachel Lowe",
                content="We have no choice.",
            ),
        ],
        id="quote-sentence-after-said-politics",
    ),
]


# --------------------------------------------------------------------------------------------
# 8. pronouns
# --------------------------------------------------------------------------------------------

PRONOUNS = [
    pytest.param(
        "Tom Reyes said the squad was exhausted. Mr Reyes said Ms Lowe, the club's "
        'chairwoman, had backed him. "We go again on Saturday," he said.',
        [
            dict(
                kind="indirect",
                cue="said",
                source="Tom Reyes",
                resolved_source="Tom Reyes",
                content="the squad was exhausted",
            ),
            dict(
                kind="indirect",
                cue="said",
                source="Mr Reyes",
                source_type="person",
                resolved_source="Tom Reyes",
                content="Ms Lowe, the club's chairwoman, had backed him",
            ),
            dict(
                kind="direct",
                cue="said",
                source="he",
                source_type="person",
                resolved_source="Tom Reyes",
                content="We go again on Saturday,",
            ),
        ],
        id="he-skips-woman-in-between-sport",
    ),
    pytest.param(
        "Martin Ashworth met Rachel Lowe in Brussels on Monday. He said the talks had gone well.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="He",
                source_type="person",
                resolved_source="Martin Ashworth",
                content="the talks had gone well",
            )
        ],
        id="he-by-first-name-politics",
    ),
    pytest.param(
        "Professor Helen Marsh led the study with her colleague David Finch. She said the "
        "results had surprised the team.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="She",
                source_type="person",
                resolved_source="Helen Marsh",
                content="the results had surprised the team",
            )
        ],
        id="she-skips-man-in-between-science",
    ),
    pytest.param(
        "Sunita Kaur, the chief executive, spoke first. Ms Kaur was followed by Owen Hale. "
        "She said the bank would not sell its insurance arm.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="She",
                source_type="person",
                resolved_source="Sunita Kaur",
                content="the bank would not sell its insurance arm",
            )
        ],
        id="she-by-honorific-business",
    ),
    pytest.param(
        "Hartwell Borough Council said the road would be resurfaced in May. They said the "
        "work would take three weeks.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="Hartwell Borough Council",
                source_type="organisation",
                resolved_source="Hartwell Borough Council",
                content="the road would be resurfaced in May",
            ),
            dict(
                kind="indirect",
                cue="said",
                source="They",
                source_type="organisation",
                resolved_source="Hartwell Borough Council",
                content="the work would take three weeks",
            ),
        ],
        id="they-organisation-local",
    ),
    pytest.param(
        "Residents said the flooding had happened three times this year. They said the "
        "council had ignored their warnings.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="Residents",
                source_type="anonymous",
                resolved_source="residents",
                content="the flooding had happened three times this year",
            ),
            dict(
                kind="indirect",
                cue="said",
                source="They",
                source_type="anonymous",
                resolved_source="residents",
                content="the council had ignored their warnings",
            ),
        ],
        id="they-plural-group-local",
    ),
    pytest.param(
        "A senior official said the talks had stalled. He said a deal was still possible "
        "before the summit.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="A senior official",
                source_type="anonymous",
                resolved_source="senior official",
                content="the talks had stalled",
            ),
            dict(
                kind="indirect",
                cue="said",
                source="He",
                source_type="anonymous",
                resolved_source="senior official",
                content="a deal was still possible before the summit",
            ),
        ],
        id="he-after-anonymous-official-foreign",
    ),
    pytest.param(
        "The findings were welcomed by Dr Amara Okafor, who said they were long overdue.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="who",
                source_type="person",
                resolved_source="Amara Okafor",
                content="they were long overdue",
            )
        ],
        id="relative-who-said-health",
    ),
]


# --------------------------------------------------------------------------------------------
# 9. source types
# --------------------------------------------------------------------------------------------

SOURCE_TYPES_CASES = [
    pytest.param(
        "The Ministry of Defence said the aircraft had returned safely.",
        [
            dict(
                kind="indirect",
                source="The Ministry of Defence",
                source_type="organisation",
                resolved_source="Ministry of Defence",
                content="the aircraft had returned safely",
            )
        ],
        id="org-ministry-politics",
    ),
    pytest.param(
        "A spokesman for the Ministry of Defence said no British personnel had been hurt.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="A spokesman for the Ministry of Defence",
                source_type="organisation",
                resolved_source="Ministry of Defence",
                content="no British personnel had been hurt",
            )
        ],
        id="org-spokesman-for-ministry-foreign",
    ),
    pytest.param(
        "The Israeli military said it was looking into the reports.",
        [
            dict(
                kind="indirect",
                source="The Israeli military",
                source_type="organisation",
                resolved_source="Israeli military",
                content="it was looking into the reports",
            )
        ],
        id="org-national-military-foreign",
    ),
    pytest.param(
        "A police spokesman said two men had been arrested.",
        [
            dict(
                kind="indirect",
                source="A police spokesman",
                source_type="organisation",
                resolved_source="police",
                content="two men had been arrested",
            )
        ],
        id="org-police-spokesman-crime",
    ),
    pytest.param(
        "The Treasury said in a statement that borrowing had come in below forecast.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="The Treasury",
                source_type="organisation",
                resolved_source="HM Treasury",  # the gazetteer's canonical name
                content="borrowing had come in below forecast",
                recipient=None,
            )
        ],
        id="org-treasury-statement-business",
    ),
    pytest.param(
        "Downing Street said the prime minister had full confidence in the chancellor.",
        [
            dict(
                kind="indirect",
                source="Downing Street",
                source_type="organisation",
                resolved_source="Downing Street",
                content="the prime minister had full confidence in the chancellor",
            )
        ],
        id="org-downing-street-politics",
    ),
    pytest.param(
        "The club said in a statement that the manager had left by mutual consent.",
        [
            dict(
                kind="indirect",
                source="The club",
                source_type="organisation",
                resolved_source="club",
                content="the manager had left by mutual consent",
            )
        ],
        id="org-the-club-statement-sport",
    ),
    pytest.param(
        "A Castlemere Foods spokeswoman said the recall affected two batches.",
        [
            dict(
                kind="indirect",
                source="A Castlemere Foods spokeswoman",
                source_type="organisation",
                resolved_source="Castlemere Foods",
                content="the recall affected two batches",
            )
        ],
        id="org-company-spokeswoman-business",
    ),
    pytest.param(
        "The NHS said the new clinics would open in the autumn.",
        [
            dict(
                kind="indirect",
                source="The NHS",
                source_type="organisation",
                resolved_source="NHS",
                content="the new clinics would open in the autumn",
            )
        ],
        id="org-nhs-health",
    ),
    pytest.param(
        "Doctors say waiting lists will keep growing without more staff.",
        [
            dict(
                kind="indirect",
                cue="say",
                cue_lemma="say",
                source="Doctors",
                source_type="anonymous",
                resolved_source="doctors",
                content="waiting lists will keep growing without more staff",
            )
        ],
        id="anon-doctors-health",
    ),
    pytest.param(
        "Defence sources said the deployment could last six months.",
        [
            dict(
                kind="indirect",
                source="Defence sources",
                source_type="anonymous",
                resolved_source="defence sources",
                content="the deployment could last six months",
            )
        ],
        id="anon-defence-sources-politics",
    ),
    pytest.param(
        "The source said the final text could be agreed on Friday.",
        [
            dict(
                kind="indirect",
                source="The source",
                source_type="anonymous",
                resolved_source="source",
                content="the final text could be agreed on Friday",
            )
        ],
        id="anon-the-source-foreign",
    ),
    pytest.param(
        "US officials said the talks in Geneva had been constructive.",
        [
            dict(
                kind="indirect",
                source="US officials",
                source_type="anonymous",
                resolved_source="us officials",
                content="the talks in Geneva had been constructive",
            )
        ],
        id="anon-us-officials-foreign",
    ),
    pytest.param(
        "The bank is preparing to cut 2,000 jobs, people familiar with the matter said.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="people familiar with the matter",
                source_type="anonymous",
                resolved_source="people familiar with the matter",
                content="The bank is preparing to cut 2,000 jobs",
            )
        ],
        id="anon-people-familiar-business",
    ),
    pytest.param(
        "Critics say the scheme rewards landlords rather than tenants.",
        [
            dict(
                kind="indirect",
                cue="say",
                cue_lemma="say",
                source="Critics",
                source_type="anonymous",
                resolved_source="critics",
                content="the scheme rewards landlords rather than tenants",
            )
        ],
        id="anon-critics-say-politics",
    ),
    pytest.param(
        "Witnesses told police that the car had been travelling at speed.",
        [
            dict(
                kind="indirect",
                cue="told",
                cue_lemma="tell",
                source="Witnesses",
                source_type="anonymous",
                resolved_source="witnesses",
                content="the car had been travelling at speed",
                recipient="police",
            )
        ],
        id="anon-witnesses-told-police-crime",
    ),
    pytest.param(
        "Axios reported that the two senators had met privately on Sunday.",
        [
            dict(
                kind="indirect",
                cue="reported",
                cue_lemma="report",
                source="Axios",
                source_type="media",
                resolved_source="Axios",
                content="the two senators had met privately on Sunday",
            )
        ],
        id="media-axios-reported-foreign",
    ),
    pytest.param(
        "Harrowgate Bank is preparing a bid for its smaller rival, the Financial Times reported.",
        [
            dict(
                kind="indirect",
                cue="reported",
                cue_lemma="report",
                source="the Financial Times",
                source_type="media",
                resolved_source="Financial Times",
                content="Harrowgate Bank is preparing a bid for its smaller rival",
            )
        ],
        id="media-financial-times-trailing-business",
    ),
    pytest.param(
        "British media reported that the envoy had been recalled for consultations.",
        [
            dict(
                kind="indirect",
                cue="reported",
                cue_lemma="report",
                source="British media",
                source_type="media",
                resolved_source="British media",
                content="the envoy had been recalled for consultations",
            )
        ],
        id="media-british-media-foreign",
    ),
    pytest.param(
        "It was first reported by Reuters that the two banks were in merger talks.",
        [
            dict(
                kind="indirect",
                cue="reported",
                cue_lemma="report",
                source="Reuters",
                source_type="media",
                resolved_source="Reuters",
                content="the two banks were in merger talks",
            )
        ],
        id="media-first-reported-by-reuters-business",
    ),
]


# --------------------------------------------------------------------------------------------
# 10. negatives: no attribution at all
# --------------------------------------------------------------------------------------------

NEGATIVES = [
    pytest.param("Council approves new cycle lanes for city centre", [], id="headline-no-cue"),
    pytest.param("The report's findings were published on Monday.", [], id="published-no-cue"),
    pytest.param("Workers were paid according to the hours they worked.", [], id="paid-according"),
    pytest.param("Home insurance claims rose 4% last year.", [], id="claims-as-noun"),
    pytest.param(
        "The firm filed its statement of accounts three months late.", [], id="statement-noun"
    ),
    pytest.param("Sales of said product rose sharply in the spring.", [], id="said-adjective"),
    pytest.param(
        'The band\'s new album, "Quiet Harbour", is out on Friday.', [], id="quoted-title"
    ),
]


MORE_PATTERNS = [
    pytest.param(
        "Nine in 10 said the club should sell the ground.",
        [dict(kind="indirect", cue="said", source="Nine in 10", source_type="anonymous")],
        id="poll-share-in-sport",
    ),
    pytest.param(
        "About 40% say the hospital waiting lists are too long.",
        [
            dict(
                kind="indirect",
                cue="say",
                source="About 40%",
                source_type="anonymous",
                content="the hospital waiting lists are too long",
            )
        ],
        id="poll-percent-health",
    ),
    pytest.param(
        "Sofia Marenko, head of research at the Harbour Institute, said rents would fall.",
        [dict(kind="indirect", cue="said", source="Sofia Marenko", source_type="person")],
        id="role-noun-apposition-business",
    ),
    pytest.param(
        "Dale Okoro — a midfielder from Leeds — said the squad was ready.",
        [dict(kind="indirect", cue="said", source="Dale Okoro", content="the squad was ready")],
        id="dash-apposition-sport",
    ),
    pytest.param(
        "Nurses who spoke with the Guardian said the ward had been closed twice.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="Nurses",
                source_type="anonymous",
                content="the ward had been closed twice",
            )
        ],
        id="relative-clause-in-subject-health",
    ),
    pytest.param(
        "Chief executive Priya Nair resisted: \u201cWe will not sell.\u201d",
        [
            dict(
                kind="direct",
                cue="resisted",
                source="Chief executive Priya Nair",
                content="We will not sell.",
            )
        ],
        id="colon-quote-unlisted-verb-business",
    ),
    pytest.param(
        "Tom Halvorsen: \u201cThe vote is lost.\u201d",
        [dict(kind="direct", cue=":", source="Tom Halvorsen", content="The vote is lost.")],
        id="name-colon-quote-politics",
    ),
    pytest.param(
        "\u201cThe ward saved my life.\u201d \u2015 Agnes Morley",
        [
            dict(
                kind="direct",
                cue="\u2015",
                source="Agnes Morley",
                source_type="person",
                content="The ward saved my life.",
            )
        ],
        id="signed-quote-health",
    ),
    pytest.param(
        "Minister Signals Budget Cuts, Treasury Official Says",
        [
            dict(
                kind="indirect",
                cue="Says",
                cue_lemma="say",
                source="Treasury Official",
                content="Minister Signals Budget Cuts",
            )
        ],
        id="title-case-headline-politics",
    ),
    pytest.param(
        "The coach responded to the criticism by saying the team had played well.",
        [
            dict(
                kind="indirect",
                cue="saying",
                source="The coach",
                content="the team had played well",
            )
        ],
        id="by-saying-sport",
    ),
    pytest.param(
        "\u201cIt was a difficult season,\u201d Ellis notes.",
        [dict(kind="direct", cue="notes", cue_lemma="note", source="Ellis")],
        id="noun-like-verb-after-quote-sport",
    ),
    pytest.param(
        "Mayor Gail Brennan and Councillor Tom Reyes pledged to keep the library open.",
        [
            dict(
                kind="indirect",
                cue="pledged",
                source="Mayor Gail Brennan and Councillor Tom Reyes",
                content="to keep the library open",
            )
        ],
        id="coordinated-names-local",
    ),
    pytest.param(
        "She\u2019s predicting a rise in interest rates.",
        [dict(kind="indirect", cue="predicting", source="She", content="a rise in interest rates")],
        id="contracted-pronoun-business",
    ),
    pytest.param(
        "Marcus Webb Jr. warned that the merger would cost jobs.",
        [dict(kind="indirect", cue="warned", source="Marcus Webb Jr", source_type="person")],
        id="name-suffix-business",
    ),
    pytest.param(
        "The survey shows that most patients wait a week.",
        [dict(kind="indirect", cue="shows", cue_lemma="show", source="The survey")],
        id="survey-shows-health",
    ),
    pytest.param(
        "He said:\n\n\u201cWe will win the league.\u201d",
        [dict(kind="direct", cue="said", source="He", content="We will win the league.")],
        id="block-quote-after-colon-sport",
    ),
    pytest.param(
        "The Harbour Gazette has seen the letter.",
        [dict(kind="impersonal", cue="has seen", source=None, content="the letter")],
        id="outlet-has-seen-media",
    ),
    pytest.param(
        "\u201cWe are ready,\u201d club physio Dana Reyes said.",
        [dict(kind="direct", cue="said", source="club physio Dana Reyes", source_type="person")],
        id="lowercase-role-after-quote-sport",
    ),
    pytest.param(
        "\u201cThe ward is full,\u201d one senior nurse said.",
        [dict(kind="direct", cue="said", source="one senior nurse", source_type="anonymous")],
        id="anonymous-tag-after-quote-health",
    ),
    pytest.param(
        "\u201cSales are flat,\u201d said a longtime adviser to the board, "
        "who asked not to be named.",
        [dict(kind="direct", cue="said", source="a longtime adviser to the board")],
        id="inverted-source-with-to-business",
    ),
    pytest.param(
        "Coach Ali Brandt, wearing a club scarf, said the team would attack.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="Coach Ali Brandt",
                content="the team would attack",
            )
        ],
        id="participle-parenthetical-sport",
    ),
    pytest.param(
        "Ms. Ortiz, who lives in Tacoma, Wash., said the clinic had closed.",
        [dict(kind="indirect", cue="said", source="Ms. Ortiz", content="the clinic had closed")],
        id="state-abbreviation-in-relative-health",
    ),
    pytest.param(
        "Mr. Hale said by telephone that the merger was off.",
        [dict(kind="indirect", cue="said", source="Mr. Hale", content="the merger was off")],
        id="said-by-telephone-business",
    ),
    pytest.param(
        "The manager shook his head and said the deal was dead.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="The manager",
                rule="shared_subject",
                content="the deal was dead",
            )
        ],
        id="shared-subject-after-irregular-past-sport",
    ),
    pytest.param(
        "The council backed the plan, although residents say it will raise rents.",
        [
            dict(kind="indirect", cue="backed", source="The council"),
            dict(kind="indirect", cue="say", source="residents", content="it will raise rents"),
        ],
        id="although-clause-politics",
    ),
    pytest.param(
        "Rep. Lena Ward criticised the budget, which she said would cut school meals.",
        [
            dict(kind="indirect", cue="criticised", source="Rep. Lena Ward", content="the budget"),
            dict(kind="indirect", cue="said", source="she", content="would cut school meals"),
        ],
        id="stance-and-nested-speech-politics",
    ),
    pytest.param(
        "\u201cWe are proud of our players,\u201d the club statement read.",
        [dict(kind="direct", cue="read", source="the club statement")],
        id="statement-read-sport",
    ),
    pytest.param(
        "The two unions have both argued that the pay offer is too low.",
        [dict(kind="indirect", cue="argued", source="The two unions")],
        id="floating-both-business",
    ),
    pytest.param(
        "Several hospitals have in fact reported that waiting times fell.",
        [dict(kind="indirect", cue="reported", source="Several hospitals")],
        id="in-fact-inside-verb-group-health",
    ),
    pytest.param(
        "The manager spoke warmly of the academy players.",
        [dict(kind="indirect", cue="spoke", source="The manager")],
        id="spoke-adverb-of-sport",
    ),
    pytest.param(
        "Hours later, the bank issued an apology, saying the outage was over.",
        [dict(kind="indirect", cue="saying", source="the bank", rule="participle")],
        id="participle-past-fronted-time-business",
    ),
    pytest.param(
        "Most members backed the chair, with 40 percent saying she should stay.",
        [
            dict(kind="indirect", cue="backed", source="Most members"),
            dict(kind="indirect", cue="saying", source="40 percent", source_type="anonymous"),
        ],
        id="with-absolute-poll-politics",
    ),
    pytest.param(
        "Critics piled on, with Dr. Ana Ruiz telling reporters the trial was flawed.",
        [dict(kind="indirect", cue="telling", source="Dr. Ana Ruiz", source_type="person")],
        id="with-absolute-name-health",
    ),
    pytest.param(
        "The striker was offside, as the referee later said.",
        [dict(kind="indirect", cue="said", source="the referee", rule="cue_final")],
        id="as-clause-tag-sport",
    ),
    pytest.param(
        "Ann Lee, who in 2019 said the club must rebuild, has left.",
        [
            dict(
                kind="indirect",
                cue="said",
                source="who",
                resolved_source="Ann Lee",
                content="the club must rebuild",
            )
        ],
        id="relative-with-year-sport",
    ),
    pytest.param(
        "Nurses, many of whom say they are exhausted, marched on Friday.",
        [dict(kind="indirect", cue="say", source="many of whom")],
        id="many-of-whom-health",
    ),
    pytest.param(
        "But some say the merger will raise prices.",
        [dict(kind="indirect", cue="say", source="some", source_type="anonymous")],
        id="but-some-say-business",
    ),
    pytest.param(
        "The club posted tweets early Friday saying the match was off.",
        [dict(kind="indirect", cue="saying", source="The club", rule="participle")],
        id="plural-document-participle-sport",
    ),
    pytest.param(
        "Ticket prices will rise next season, The Guardian reports.",
        [dict(kind="indirect", cue="reports", source="The Guardian", source_type="media")],
        id="noun-form-tag-closing-sentence-business",
    ),
    pytest.param(
        "Before doctors had weighed in with any advice, the minister said that schools "
        "would close.",
        [dict(kind="indirect", cue="said", source="the minister")],
        id="cue-in-fronted-clause-gives-way-health",
    ),
    pytest.param(
        "Residents say they back the plans councillors are expected to approve.",
        [dict(kind="indirect", cue="say", source="Residents")],
        id="raising-passive-inside-speech-politics",
    ),
    pytest.param(
        "The coach said the team was tired \u2014 and he noted that two players were injured.",
        [
            dict(kind="indirect", cue="said", source="The coach"),
            dict(kind="indirect", cue="noted", source="he"),
        ],
        id="new-clause-after-dash-sport",
    ),
    pytest.param(
        "The fund, which advocates say helps poor families, will close.",
        [dict(kind="indirect", cue="say", source="advocates")],
        id="noun-subject-before-say-business",
    ),
    pytest.param(
        "\u201cWe are not happy,\u201d said Jock A. Finlayson.",
        [dict(kind="direct", cue="said", source="Jock A. Finlayson", source_type="person")],
        id="middle-initial-not-article",
    ),
    pytest.param(
        "''There is no place for it,'' former Gov. Ann Roe of Ohio said on Twitter.",
        [dict(kind="direct", cue="said", source="former Gov. Ann Roe of Ohio")],
        id="double-apostrophe-quote-tag-politics",
    ),
    pytest.param(
        "A third of nurses, 33%, say they plan to leave.",
        [
            dict(
                kind="indirect", cue="say", source="A third of nurses, 33%", source_type="anonymous"
            )
        ],
        id="poll-share-apposition-health",
    ),
    pytest.param(
        "Fans waved scarves that said \u201cSave our club.\u201d",
        [dict(kind="direct", cue="said", source="that", resolved_source=None)],
        id="relative-that-with-quote-sport",
    ),
    pytest.param(
        "Half of members backed the deal, compared with 20 percent who said it was too weak.",
        [
            dict(kind="indirect", cue="backed", source="Half of members"),
            dict(kind="indirect", cue="said", source="who"),
        ],
        id="comparison-keeps-second-poll-business",
    ),
    pytest.param(
        "Residents living near the plant said the smell was unbearable.",
        [dict(kind="indirect", cue="said", source="Residents living near the plant")],
        id="reduced-relative-subject-health",
    ),
    pytest.param(
        "The two coaches met on Friday, each saying the other side had cheated.",
        [dict(kind="indirect", cue="saying", source="each", rule="participle")],
        id="each-participle-sport",
    ),
    pytest.param(
        "Some nurses at the hospital in Leeds said they were exhausted.",
        [dict(kind="indirect", cue="said", source="Some nurses at the hospital in Leeds")],
        id="settings-inside-subject-health",
    ),
    pytest.param(
        "On Sunday morning Ms. Kerr wrote to members, saying the vote would go ahead.",
        [dict(kind="indirect", cue="saying", source="Ms. Kerr", rule="participle")],
        id="participle-subject-after-setting-politics",
    ),
    pytest.param(
        "\u201cWe will win,\u201d the coach said. He went on to say the squad was fit.",
        [
            dict(kind="direct", cue="said", source="the coach"),
            dict(kind="indirect", cue="went on", source="He"),
        ],
        id="went-on-to-say-sport",
    ),
    pytest.param(
        "\u201cIt works,\u201d added a senior doctor.",
        [dict(kind="direct", cue="added", source="a senior doctor")],
        id="inverted-added-determiner-health",
    ),
    pytest.param(
        'The coach said the team was "exhausted," but he said that the players would recover.',
        [
            dict(kind="indirect", cue="said", source="The coach"),
            dict(kind="indirect", cue="said", source="he"),
        ],
        id="new-clause-after-closing-quote-sport",
    ),
    pytest.param(
        "The chief executive, like her rivals, has cut jobs but has said she will hire again.",
        [dict(kind="indirect", cue="said", source="The chief executive", rule="shared_subject")],
        id="shared-subject-past-aside-business",
    ),
    pytest.param(
        "The father of two said he was relieved.",
        [dict(kind="indirect", cue="said", source="The father of two")],
        id="father-of-two-health",
    ),
    pytest.param(
        "Chastened by the criticism, the club revised its plan, promising to focus on youth.",
        [dict(kind="indirect", cue="promising", source="the club", rule="participle")],
        id="participle-after-fronted-past-participle-sport",
    ),
    pytest.param(
        "In May, several patient groups gave the trust more time, saying it was overdue.",
        [dict(kind="indirect", cue="saying", source="several patient groups")],
        id="plural-group-subject-health",
    ),
]
NOT_CUES = [
    pytest.param("The striker did not show up for training.", [], id="show-up-sport"),
    pytest.param("Let the players tell their own story.", [], id="let-them-tell-sport"),
    pytest.param("Hope Hicks, a spokeswoman, was not available.", [], id="first-name-hope"),
    pytest.param("About 40 fans demonstrated outside the stadium.", [], id="demonstrated-outside"),
    pytest.param("The striker went on to win the golden boot.", [], id="went-on-to-win-sport"),
    pytest.param("The council had added an extra week of consultation.", [], id="added-a-deed"),
    pytest.param("The firm appealed the ruling in March.", [], id="appealed-the-case-business"),
    pytest.param("It goes without saying that the fans were upset.", [], id="goes-without-saying"),
    pytest.param("Many residents feel stung after the closure.", [], id="feel-stung-health"),
    pytest.param("The plan wasn't approved by the board.", [], id="negated-passive-business"),
    pytest.param("The move took place despite repeated warnings.", [], id="repeated-warnings"),
    pytest.param("Growth rose by 0.2 percentage points to 1.9 percent.", [], id="points-to-number"),
    pytest.param("The firm plans to make more detailed accounts public.", [], id="make-detailed"),
    pytest.param("The budget sends a clear message that cuts are over.", [], id="a-clear-message"),
    pytest.param("Only time will tell.", [], id="time-will-tell"),
    pytest.param("A man called Peter Gale won the raffle.", [], id="called-a-name"),
    pytest.param("2016 has seen a rise in claims.", [], id="year-has-seen"),
    pytest.param("The bill, opposed by unions, failed.", [], id="reduced-passive"),
    pytest.param("The unemployment rate has declined sharply.", [], id="declined-rate"),
    pytest.param("She helped found the charity in 2009.", [], id="helped-found-health"),
    pytest.param("The striker found a way past the keeper.", [], id="found-a-way-sport"),
    pytest.param("Police found the van near the docks.", [], id="found-the-van"),
    pytest.param("She read the minutes aloud.", [], id="read-a-document"),
    pytest.param("Many patients felt ignored by the trust.", [], id="felt-adjective-health"),
    pytest.param("Do you support the new stadium?", [], id="reader-question-sport"),
    pytest.param("He showed the crowd a short clip.", [], id="showed-an-object"),
]


GROUPS = {
    "direct": DIRECT,
    "indirect": INDIRECT,
    "according_to": ACCORDING_TO,
    "recipients": RECIPIENTS,
    "impersonal": IMPERSONAL,
    "appositions_titles": APPOSITIONS_AND_TITLES,
    "continuations": CONTINUATIONS,
    "pronouns": PRONOUNS,
    "source_types": SOURCE_TYPES_CASES,
    "negatives": NEGATIVES,
    "more_patterns": MORE_PATTERNS,
    "not_cues": NOT_CUES,
}
ALL_CASES = [case for cases in GROUPS.values() for case in cases]


# --------------------------------------------------------------------------------------------
# table tests
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), DIRECT)
def test_direct_speech(text, expected):
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), MORE_PATTERNS)
def test_more_patterns(text, expected):
    """Polls, appositions, colon and signed quotes, headlines, participles (second session)."""
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), NOT_CUES)
def test_idioms_and_nouns_are_not_cues(text, expected):
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), INDIRECT)
def test_indirect_speech(text, expected):
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), ACCORDING_TO)
def test_according_to(text, expected):
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), RECIPIENTS)
def test_recipients_and_settings(text, expected):
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), IMPERSONAL)
def test_impersonal_and_passive(text, expected):
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), APPOSITIONS_AND_TITLES)
def test_appositions_and_titles(text, expected):
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), CONTINUATIONS)
def test_quote_continuations(text, expected):
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), PRONOUNS)
def test_pronoun_resolution(text, expected):
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), SOURCE_TYPES_CASES)
def test_source_types(text, expected):
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), NEGATIVES)
def test_non_attributions_give_no_row(text, expected):
    check(text, expected)


# --------------------------------------------------------------------------------------------
# offsets and invariants, for every text in the tables
# --------------------------------------------------------------------------------------------


def test_table_is_self_consistent():
    """Guard the table itself: quoted content and named sources occur in their texts."""
    ids = [case.id for case in ALL_CASES]
    assert len(ids) == len(set(ids))
    for case in ALL_CASES:
        text, expected = case.values
        for row in expected:
            assert row.get("content", "") in text, (case.id, row.get("content"))
            if row.get("cue") is not None:
                source = row.get("source")
                assert source is None or source in text, (case.id, source)
                assert row["cue"] in text, (case.id, row["cue"])


def test_columns_are_present_even_without_rows():
    for text in ("", "Home insurance claims rose 4% last year."):
        df = framing.extract_attributions(text)
        assert isinstance(df, pd.DataFrame)
        assert len(df) == 0
        missing = COLUMNS - set(df.columns)
        assert not missing, f"missing columns: {sorted(missing)}"


@pytest.mark.parametrize(("text", "expected"), ALL_CASES)
def test_offsets_are_consistent(text, expected):
    rows = _records(text)
    starts = [row["start"] for row in rows]
    assert starts == sorted(starts)
    for i, row in enumerate(rows):
        where = f"row {i} of {text!r}: {row!r}"
        start, end = row["start"], row["end"]
        assert isinstance(start, int) and isinstance(end, int), where
        assert 0 <= start < end <= len(text), where
        assert row["kind"] in KINDS, where
        assert row["source_type"] in SOURCE_TYPES, where

        content_start, content_end = row["content_start"], row["content_end"]
        assert text[content_start:content_end] == row["content"], where
        assert start <= content_start <= content_end <= end, where

        cue = row["cue"]
        if cue is None:
            assert row["kind"] == "direct", where
            assert row["cue_lemma"] is None, where
        else:
            cue_start = row.get("cue_start")
            if cue_start is not None:
                assert start <= cue_start, where
                assert text[cue_start : row["cue_end"]] == cue, where
                assert row["cue_end"] <= end, where
            else:
                assert cue in text[start:end], where

        source_start = row.get("source_start")
        if source_start is not None:
            assert text[source_start : row["source_end"]] == row["source"], where
            if cue is not None:
                assert start <= source_start <= row["source_end"] <= end, where

        if row["kind"] == "impersonal":
            assert row["source"] is None and row["resolved_source"] is None, where
            assert row["source_type"] == "anonymous", where
        if row["kind"] == "according_to":
            assert row["cue_lemma"] == "according to", where


def test_explicit_offsets_for_a_simple_quote():
    text = '"We will act," Rachel Lowe said.'
    # 0 is the opening quote; the content "We will act," runs from 1 to 13 (the closing
    # quote is 13); the source "Rachel Lowe" runs from 15 to 26 and "said" from 27 to 31.
    assert text[1:13] == "We will act," and text[15:26] == "Rachel Lowe"
    check(
        text,
        [
            dict(
                kind="direct",
                content_start=1,
                content_end=13,
                source_start=15,
                source_end=26,
                start=0,
            )
        ],
    )


def test_explicit_offsets_for_indirect_speech_in_a_second_sentence():
    text = "Talks ended on Monday. Anton Varga said that the ceasefire would hold."
    # "Anton Varga" is text[23:34]; after "said that " the content runs to the full stop.
    assert text[23:34] == "Anton Varga"
    assert text[45:69] == "the ceasefire would hold"
    check(
        text,
        [
            dict(
                kind="indirect",
                source_start=23,
                source_end=34,
                content_start=45,
                content_end=69,
            )
        ],
    )


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The Trump campaign did not immediately respond to requests for comment.",
         "The Trump campaign", "did not immediately respond to requests for comment"),
        ("Through a spokesman, he declined to comment.", "he", "declined to comment"),
        ("Daniel Pryce declined to comment.", "Daniel Pryce", "declined to comment"),
        ("The council declined to comment on the report.", "The council", "declined to comment"),
        ("A spokesman for the club could not be reached for comment on Friday.",
         "A spokesman for the club", "could not be reached for comment"),
        ("Officials did not return phone calls.", "Officials", "did not return phone calls"),
    ],
)  # fmt: skip
def test_a_source_asked_who_said_nothing_is_an_attribution_without_content(text, source, cue):
    rows = framing.extract_attributions(text)
    assert list(zip(rows.source, rows.cue, strict=True)) == [(source, cue)]
    assert rows.content.isna().all()  # the topic ('on the report') is not content


@pytest.mark.parametrize(
    ("text", "source", "resolved", "content"),
    [
        ("Politifact checked Donald Trump's claim that shootings had doubled.",
         "Donald Trump", "Donald Trump", "shootings had doubled"),
        ("Ms. Lee spoke first. Contrary to her claim that costs would fall, they rose.",
         "her", "Lee", "costs would fall"),
        ("The board's earlier promise that the ward would stay open was broken.",
         "The board", "board", "the ward would stay open was broken"),
    ],
)  # fmt: skip
def test_a_possessive_before_a_noun_of_saying_is_the_source(text, source, resolved, content):
    rows = framing.extract_attributions(text)
    row = rows[rows.rule == "possessive_noun"].iloc[0]
    assert (row.source, row.resolved_source, row.content) == (source, resolved, content)


def test_a_noun_of_saying_without_a_possessor_is_no_attribution():
    assert framing.extract_attributions("The claims that he made were false.").empty


@pytest.mark.parametrize(
    ("text", "source", "source_type", "content"),
    [
        ("The minister's remarks, first published by Politico, drew criticism.",
         "Politico", "media", "The minister's remarks"),
        ("The letter, obtained by The Washington Post, says the plan failed.",
         "The letter", None, "the plan failed"),
        ("The letter, which was leaked, says the plan failed.",
         "The letter", None, "the plan failed"),
    ],
)  # fmt: skip
def test_a_participle_phrase_naming_who_published_it(text, source, source_type, content):
    rows = framing.extract_attributions(text)
    assert list(zip(rows.source, rows.content, strict=True)) == [(source, content)]
    if source_type:
        assert rows.source_type.tolist() == [source_type]


def test_a_clause_after_says_is_no_inverted_subject():
    rows = framing.extract_attributions("The memo, obtained by reporters, says the plan failed.")
    assert "the plan failed" not in set(rows.source)


@pytest.mark.parametrize(
    "text",
    [
        "But before officials had weighed in with any explanation, Donald Trump said that "
        "a bomb had gone off.",
        "Following initial reports, but before officials had weighed in with any "
        "explanation, Donald Trump said that a bomb had gone off.",
    ],
)
def test_a_cue_in_a_fronted_clause_does_not_swallow_the_main_clauses_speaker(text):
    rows = framing.extract_attributions(text)
    assert list(zip(rows.source, rows.content, strict=True)) == [
        ("Donald Trump", "a bomb had gone off")
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The plan costs more, according to the congressional report.",
         "the congressional report"),
        ("According to the new report, costs rose.", "the new report"),
    ],
)  # fmt: skip
def test_a_noun_of_saying_can_head_the_source_after_according_to(text, source):
    assert framing.extract_attributions(text).source.tolist() == [source]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("The cost rose by half, records show.", "records", "The cost rose by half"),
        ("The plan failed, the report shows.", "the report", "The plan failed"),
        ("Clinton leads by four points, a new poll found.", "a new poll",
         "Clinton leads by four points"),
    ],
)  # fmt: skip
def test_a_document_or_poll_closing_the_clause_reports_it(text, source, content):
    rows = framing.extract_attributions(text)
    assert list(zip(rows.source, rows.content, strict=True)) == [(source, content)]


@pytest.mark.parametrize("text", ["We watched the TV shows.", "He found it.", "The polls show."])
def test_show_and_find_without_a_clause_report_nothing(text):
    assert framing.extract_attributions(text).empty
