"""The codebook coders read beside a coding sheet: each code's definition, every value it
allows with what it means, and worked examples, as one self-contained HTML page.

The definitions are framing's own (the README's tables of source types and hedge
categories), so that coders and framing work from the same written rules: the source
types and their hard cases as the typed PolNeAR set decided them, uncertainty after the
Szeged Uncertainty Corpus guidelines (Szarvas, Vincze, Farkas, Móra & Gurevych 2012),
and the five generic news frames of Semetko & Valkenburg (2000).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import escape

__all__ = ["CODEBOOK", "Code", "codebook_html"]


@dataclass(frozen=True)
class Code:
    """One code: what it asks, each value's meaning, and worked examples (text, value,
    why)."""

    question: str
    values: dict[str, str]
    examples: tuple[tuple[str, str, str], ...]


CODEBOOK: dict[str, dict[str, Code]] = {
    "sentence": {
        "uncertain": Code(
            "Does the sentence present something as uncertain rather than as fact?",
            {
                "yes": "It marks a claim as possible, probable, believed, reported, "
                "approximate or conditional, in the outlet's voice or a source's: a modal "
                "of possibility (may, might, could), an adverb or adjective of likelihood "
                "(possibly, probably, reportedly, likely, alleged), a noun of doubt "
                "(speculation, no evidence), a verb of belief or appearance (appear to, "
                "seem, believe, expect), an impersonal attribution (it is understood, is "
                "thought to), an approximation of a quantity (about 200, nearly half) or "
                "a condition (if, unless).",
                "no": "It states its content as fact, or with emphasis (clearly, "
                "certainly), or speaks of a scheduled event (will visit on Thursday).",
            },
            (
                ("It is understood the plan could change.", "yes", "impersonal + modal"),
                ("About 1,400 people spent the night in rest centres.", "yes", "approximator"),
                ("The council met on Tuesday.", "no", "a fact, stated"),
                ("The minister will visit the port on Thursday.", "no", "a scheduled event"),
            ),
        ),
        "sentiment": Code(
            "How does the sentence feel to a reader, whatever you think of its content?",
            {
                "negative": "It conveys loss, harm, danger, conflict, criticism, fear or failure.",
                "neutral": "It conveys neither, or both in balance.",
                "positive": "It conveys relief, success, praise, help, hope or agreement.",
            },
            (
                ("Residents were terrified as the gas cloud spread.", "negative", "fear, harm"),
                ("The road reopened at 6pm.", "neutral", "an event, no tone"),
                ("Volunteers were praised for their swift response.", "positive", "praise"),
            ),
        ),
    },
    "attribution": {
        "source_type": Code(
            "Who is the source between [[ and ]] (the one who says, writes or thinks what "
            "the sentence reports)?",
            {
                "person": "An individual identified by name, or a pronoun or title that "
                "refers to one named person of the article; also an unnamed spokesperson "
                "for a named person, and a document by a named person.",
                "organisation": "A named institution, government, company or body "
                "(campaigns, administrations, parties, committees, charities, unions, "
                "courts), its unnamed spokesperson or statement on the record, documents "
                "it issued, a poll by a named pollster or body, and a country or capital "
                "speaking for its government.",
                "anonymous": "Unidentified people or vague groups (sources, officials, "
                "aides, critics, witnesses, some Republicans, Americans), an unnamed "
                "poll, and impersonal constructions with no source (it is understood).",
                "media": "Another outlet or publication, its journalists as such, or a "
                "poll by a named outlet.",
                "not an attribution": "The marked words are not the source of reported "
                "speech, writing or thought (framing found an attribution where there is "
                "none).",
            },
            (
                ('"[[Mr Healey]] told Sky News the UK would help."', "person", "named"),
                (
                    '"A spokesman for [[the Ministry of Defence]] said..."',
                    "organisation",
                    "a body's unnamed spokesperson",
                ),
                (
                    '"[[An aide to the senator]], who asked not to be named, said..."',
                    "anonymous",
                    "unnamed aide",
                ),
                ('"...according to [[Axios]]."', "media", "an outlet"),
                ('"[[Israel]] said it would comply."', "organisation", "a country's government"),
            ),
        ),
    },
    "article": {
        "dominant_frame": Code(
            "Which generic news frame shapes the article most (the headline and the first "
            "sentences weigh most)?",
            {
                "conflict": "Disagreement between people, groups, institutions or "
                "countries; sides, reproach, winners and losers.",
                "responsibility": "Who caused a problem or who should solve it: blame, "
                "duty, the government's or an institution's responsibility.",
                "human interest": "A human face on the story: individuals' experiences, "
                "emotions, personal stories.",
                "economic": "Economic consequences: costs, money, jobs, trade, prices.",
                "morality": "Moral or religious prescriptions: how one ought to behave, "
                "right and wrong.",
                "none": "No frame dominates, or the article frames nothing.",
            },
            (
                (
                    "Council and port trade blame over ammonia leak",
                    "conflict",
                    "two sides, reproach",
                ),
                (
                    "'I couldn't breathe': a night in the rest centre",
                    "human interest",
                    "one person's experience",
                ),
            ),
        ),
    },
}

_STYLE = """
body { font-family: Georgia, serif; max-width: 46em; margin: 2em auto; line-height: 1.45;
       color: #111; padding: 0 1em; }
h1, h2 { font-family: Helvetica, Arial, sans-serif; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1.5em; }
th, td { border: 1px solid #999; padding: .35em .5em; text-align: left; vertical-align: top; }
th { background: #eee; }
code { font-family: Menlo, Consolas, monospace; }
"""


def codebook_html(unit: str, title: str | None = None) -> str:
    """The codebook of a kind of unit as one self-contained HTML page (no script, no
    request: its style is inline)."""
    codes = CODEBOOK[unit]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>{escape(title or f'Codebook: {unit}s')}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title or f'Codebook: {unit}s')}</h1>",
        "<p>Code every row of the sheet: read its text, then choose one value in each "
        "code's column (the drop-down lists the allowed values). Code what the text "
        "says, not what you know from elsewhere; leave no cell empty. Do not look at "
        "hidden columns.</p>",
    ]
    for name, code in codes.items():
        parts.append(f"<h2><code>{escape(name)}</code>: {escape(code.question)}</h2>")
        parts.append("<table><tr><th>value</th><th>when</th></tr>")
        for value, meaning in code.values.items():
            parts.append(
                f"<tr><td><code>{escape(value)}</code></td><td>{escape(meaning)}</td></tr>"
            )
        parts.append("</table>")
        parts.append("<table><tr><th>example</th><th>value</th><th>why</th></tr>")
        for text, value, why in code.examples:
            parts.append(
                f"<tr><td>{escape(text)}</td><td><code>{escape(value)}</code></td>"
                f"<td>{escape(why)}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)
