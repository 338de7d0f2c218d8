"""Text layout on long paragraphs (issue 17, point 9): wrapping does linear work, and wraps as before.

Speed is measured in benchmarks/textlayout_scale.py; here the work is counted:
the characters the wrapper copies out of the paragraph. Copying the rest of
the paragraph after every line (`text = text[cut + 1:]`) copies a quadratic
number of characters; walking through it by position copies each about once.
"""

from __future__ import annotations

import random

import pytest

from editio.render import textlayout


class Counted(str):
    """A string that counts the characters sliced out of it (and out of its slices)."""

    copied = 0

    def __getitem__(self, key):
        piece = str.__getitem__(self, key)
        Counted.copied += len(piece)
        return Counted(piece)


def reference_wrap(text: str, first: str, hang: str, width: int) -> list[str]:
    """The wrapper as it was (quadratic, but the reference for where lines break)."""
    lines, lead = [], first
    while True:
        room = width - len(lead)
        if len(text) <= room:
            lines.append((lead + text).rstrip())
            return lines
        cut = text.rfind(" ", 0, room + 1)
        if cut <= 0:
            cut = text.find(" ", max(room, 1))
            if cut == -1:
                lines.append((lead + text).rstrip())
                return lines
        lines.append((lead + text[:cut]).rstrip())
        text, lead = text[cut + 1 :], hang


def paragraph(words: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return " ".join("x" * rng.choice([1, 2, 3, 5, 8, 13, 90]) for _ in range(words))


@pytest.mark.parametrize("words", [5_000, 40_000])
def test_wrapping_copies_each_character_about_once(words):
    text = paragraph(words)
    Counted.copied = 0
    lines = textlayout._wrap(Counted(text), "    ", "  ", 78)
    assert len(lines) > words // 20
    assert Counted.copied <= 2 * len(text), f"{Counted.copied} characters copied for {len(text)}"


def test_wrapping_breaks_where_it_did():
    rng = random.Random(17)
    for case in range(400):
        text = paragraph(rng.randint(0, 60), seed=case)
        width = rng.choice([1, 3, 10, 20, 40, 78])
        first = " " * rng.choice([0, 2, 4, 15, 90])  # a lead wider than the line too
        hang = " " * rng.choice([0, 2, 4])
        assert textlayout._wrap(text, first, hang, width) == reference_wrap(text, first, hang, width), (
            case,
            width,
            len(first),
            len(hang),
        )


def test_a_long_paragraph_through_the_whole_layout():
    text = paragraph(20_000)
    out = textlayout.finish(f"[1] {textlayout.HANG}{text}\n", 60)
    lines = out.splitlines()
    assert lines[0].startswith("[1] x") and all(ln.startswith("    ") for ln in lines[1:])
    assert all(len(ln) <= 60 or " " not in ln.strip() for ln in lines)
    assert " ".join(" ".join(lines).replace("[1]", "").split()) == text
