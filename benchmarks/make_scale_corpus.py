"""Generate the scale corpus for benchmarks/build_corpus.py (deterministic, no randomness).

    python benchmarks/make_scale_corpus.py [--out benchmarks/_work/scale] [--docs 1000]

Writes:
  many/doc-0001.xml ... : a thousand small letters (header, a few paragraphs,
                          names, dates, a note or two), like a correspondence corpus;
  notes/notes-08000.xml, notes/notes-16000.xml : one long text with 8,000 and
                          16,000 footnotes (one per paragraph, a hundred per chapter),
                          to show whether time grows linearly with the number of notes;
  ../flat/flat-08000.xml : the 8,000 notes in one division of 8,000 paragraphs (same
                          text, flat), to show whether time depends on how many
                          siblings an element has (outside the scale folder, so that
                          the scale folder stays what earlier builds compared).
The folder is git-ignored (benchmarks/_work/).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "_work" / "scale"

WORDS = (
    "lettera città fiume cammino sera mattina guerra pace trattato amicizia confine popolo governo "
    "ministro ambasciatore accordo notizia viaggio porto mercato casa famiglia tempo parola libro "
    "giorno notte strada campagna chiesa piazza consiglio legge diritto dovere memoria speranza"
).split()
PEOPLE = ["Gustav Stresemann", "Nikolaj Krestinskij", "Aristide Briand", "Benito Mussolini", "Austen Chamberlain"]
PLACES = ["Berlino", "Mosca", "Locarno", "Roma", "Ginevra", "Parigi"]


def sentence(i: int, length: int = 14) -> str:
    words = [WORDS[(i * 7 + k * 13) % len(WORDS)] for k in range(length)]
    return " ".join(words).capitalize() + "."


def header(title: str, author: str, date: str, lang: str = "it") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="{lang}">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>{escape(title)}</title>
        <author>{escape(author)}</author>
      </titleStmt>
      <publicationStmt><p>Generated for editio's benchmarks.</p></publicationStmt>
      <sourceDesc><p>Synthetic text.</p></sourceDesc>
    </fileDesc>
    <profileDesc><creation><date when="{date}">{date}</date></creation></profileDesc>
  </teiHeader>
"""


def small_document(n: int) -> str:
    author = PEOPLE[n % len(PEOPLE)]
    place = PLACES[n % len(PLACES)]
    date = f"19{20 + n % 10}-{1 + n % 12:02d}-{1 + n % 28:02d}"
    paragraphs = []
    for k in range(4 + n % 4):
        s = n * 31 + k
        note = f'<note place="foot">{escape(sentence(s + 3, 8))}</note>' if k % 3 == 1 else ""
        paragraphs.append(
            f"      <p>{escape(sentence(s))} <persName>{escape(PEOPLE[(n + k) % len(PEOPLE)])}</persName> "
            f"{escape(sentence(s + 1))}{note} <placeName>{escape(PLACES[(n + k) % len(PLACES)])}</placeName> "
            f"{escape(sentence(s + 2))}</p>"
        )
    body = "\n".join(paragraphs)
    return (
        header(f"Lettera {n} da {place}", author, date)
        + f"""  <text>
    <body>
      <opener><dateline><placeName>{place}</placeName>, <date when="{date}">{date}</date></dateline></opener>
{body}
      <closer><signed>{escape(author)}</signed></closer>
    </body>
  </text>
</TEI>
"""
    )


def notes_document(notes: int, per_chapter: int = 100) -> str:
    chapters = []
    for c in range(notes // per_chapter):
        paragraphs = []
        for k in range(per_chapter):
            i = c * per_chapter + k
            paragraphs.append(
                f"      <p>{escape(sentence(i))} {escape(sentence(i + 1, 10))}"
                f'<note place="foot">{escape(sentence(i + 2, 9))} <persName>{PEOPLE[i % len(PEOPLE)]}</persName>.</note>'
                f" {escape(sentence(i + 3, 12))}</p>"
            )
        chapters.append(
            f'    <div type="chapter">\n      <head>Capitolo {c + 1}</head>\n' + "\n".join(paragraphs) + "\n    </div>"
        )
    return header(f"Un testo con {notes} note", "editio benchmarks", "2026-01-01") + (
        "  <text>\n    <body>\n" + "\n".join(chapters) + "\n    </body>\n  </text>\n</TEI>\n"
    )


def write_if_changed(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def make(out: Path = DEFAULT_OUT, docs: int = 1000) -> dict[str, Path]:
    for n in range(1, docs + 1):
        write_if_changed(out / "many" / f"doc-{n:04d}.xml", small_document(n))
    write_if_changed(out / "notes" / "notes-08000.xml", notes_document(8000))
    write_if_changed(out / "notes" / "notes-16000.xml", notes_document(16000))
    flat = out.parent / "flat" / "flat-08000.xml"
    write_if_changed(flat, notes_document(8000, per_chapter=8000))
    return {
        "flat-8000": flat,
        "many": out / "many",
        "notes-8000": out / "notes" / "notes-08000.xml",
        "notes-16000": out / "notes" / "notes-16000.xml",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args()
    made = make(args.out, args.docs)
    for name, path in made.items():
        print(f"{name}: {path}")


if __name__ == "__main__":
    main()
