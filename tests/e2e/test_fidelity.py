#!/usr/bin/env python3
"""Fidelity: every sentence of every seed document appears on its model's built pages.

The seeds are PDF extractions. Before comparing, both sides are normalised the same way: whitespace
collapsed, curly quotes made straight, case folded (the PDFs set headings in capitals), Markdown
markers dropped. The seed side also has its extraction damage repaired: words hyphenated across a
line break are joined, "TM" becomes ™, page numbers and empty bullets are dropped, "child/ youth"
loses the space a line break put there.

Each seed line is split into sentences, and each sentence must occur in the model's page text.
Lines of a PDF extraction can hold half a sentence (a sidebar quote spliced into a list breaks
sentences apart); a half sentence must still occur, word for word, in the page text.
"""
import argparse
import os
import re
import sys
import unittest

import sitelib

ARGS = None
SITE = None


def setUpModule():
    global SITE
    proc, SITE = sitelib.build(ARGS.binary, ARGS.content)
    if proc.returncode != 0:
        raise RuntimeError(f"build failed:\n{proc.stderr}")


def normalise(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u00a0", " ")
    text = re.sub(r"[*#]", "", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip().casefold()


def model_text(model):
    """The visible text of the model's overview and section pages."""
    root = os.path.join(SITE, "models", model)
    parts = []
    for dirpath, _, files in sorted(os.walk(root)):
        for name in files:
            if name == "index.html":
                parts.append(sitelib.Page(sitelib.read(os.path.join(dirpath, name))).text)
    return normalise(" ".join(parts))


def seed_units(raw, page_text):
    """The seed's sentences (or sentence fragments, where the extraction split them), repaired."""
    text = raw.replace("TM", "\u2122")
    lines = [l.strip() for l in text.split("\n")]
    # Join a word hyphenated across a line break, when the joined word is what the pages say.
    joined = []
    for line in lines:
        if joined and joined[-1].endswith("-") and line:
            head, _, tail = joined[-1].rpartition(" ")
            first, _, rest = line.partition(" ")
            word = tail[:-1] + first
            if normalise(word) in page_text:
                joined[-1] = (head + " " + word).strip()
                line = rest
            else:
                joined[-1] = joined[-1] + first
                line = rest
        joined.append(line)
    units = []
    for line in joined:
        line = re.sub(r"^(?:[-\u2022]\s*|\d+\.\s+)", "", line)  # list markers
        line = line.replace("/ ", "/")
        if not line or re.fullmatch(r"\d+|-", line):  # page numbers, empty bullets
            continue
        # "**NOVICE** – There is evidence…": a label and its description are separate on the page.
        for piece in re.split(r"\s+\u2013\s+(?=[A-Z])", line):
            for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z\"\u201c])", piece):
                sentence = sentence.strip().rstrip(":")
                if sentence:
                    units.append(sentence)
    return units


class Fidelity(unittest.TestCase):
    def check_model(self, model):
        with open(os.path.join(ARGS.seeds, model + ".txt"), encoding="utf-8") as f:
            raw = f.read()
        page_text = model_text(model)
        units = seed_units(raw, page_text)
        missing = [u for u in units if normalise(u) not in page_text]
        print(f"{model}: {len(units)} seed sentences checked, {len(missing)} missing", file=sys.stderr)
        self.assertGreater(len(units), 20)
        self.assertEqual(missing, [])

    def test_ar_practice_model(self):
        self.check_model("ar-practice-model")

    def test_ar_at_one_table_2023(self):
        self.check_model("ar-at-one-table-2023")

    def test_ar_at_one_table_martin(self):
        self.check_model("ar-at-one-table-martin")

    def test_me_practice_model(self):
        self.check_model("me-practice-model")

    def test_va_practice_model(self):
        self.check_model("va-practice-model")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--seeds", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
