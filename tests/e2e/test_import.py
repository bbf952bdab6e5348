#!/usr/bin/env python3
"""`practicebook import`: each seed text becomes a draft that builds, holds every line of the seed, and
has the sections and role actions of the curated model; a two-column brochure PDF printed here by
Chromium imports with its statements in the right sections and roles; bad input writes nothing.

The seeds are imported into a copy of content/ without the curated "At One Table" Martin edition, so
its import can lean only on the other edition of its family (as a policy team's would).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import brochure
import sitelib
import tinypdf
from test_fidelity import normalise, seed_units

ARGS = None
WORK = None      # temporary folder: content/, site/, reports
CONTENT = None
SITE = None
REPORTS = {}     # model id → (completed process of the import)

# Seed file → (draft id, extra import arguments)
SEEDS = {
    "ar-practice-model": ("imported-ar", []),
    "ar-at-one-table-2023": ("imported-aot-2023", []),
    "ar-at-one-table-martin": ("imported-aot-martin", ["--family", "ar-at-one-table"]),
    "me-practice-model": ("imported-me", []),
    "va-practice-model": ("imported-va", []),
}


def run_import(*args, content=None):
    return subprocess.run([ARGS.binary, "import", *args, "--content", content or CONTENT],
                          capture_output=True, text=True, timeout=60)


def setUpModule():
    global WORK, CONTENT, SITE
    WORK = tempfile.mkdtemp(prefix="pb-import-")
    CONTENT = os.path.join(WORK, "content")
    shutil.copytree(ARGS.content, CONTENT)
    shutil.rmtree(os.path.join(CONTENT, "models", "ar-at-one-table-martin"))
    model_2023 = os.path.join(CONTENT, "models", "ar-at-one-table-2023", "model.yaml")
    with open(model_2023, encoding="utf-8") as f:
        text = f.read()
    with open(model_2023, "w", encoding="utf-8") as f:
        f.write(re.sub(r"^supersedes:.*\n", "", text, flags=re.M))
    for seed, (model_id, extra) in SEEDS.items():
        proc = run_import(os.path.join(ARGS.seeds, seed + ".txt"), "--id", model_id, *extra)
        if proc.returncode != 0:
            raise RuntimeError(f"import of {seed} failed:\n{proc.stderr}")
        REPORTS[model_id] = proc
    proc, SITE = sitelib.build(ARGS.binary, CONTENT, out=os.path.join(WORK, "site"))
    if proc.returncode != 0:
        raise RuntimeError(f"build with the drafts failed:\n{proc.stderr}")


def tearDownModule():
    shutil.rmtree(WORK, ignore_errors=True)


def model_json(model_id):
    with open(os.path.join(SITE, "models", model_id, "model.json"), encoding="utf-8") as f:
        return json.load(f)


def counts(model):
    """{role or block kind: number of top-level statements} over all sections."""
    out = {}
    for section in model["sections"]:
        for block in section["blocks"]:
            key = block.get("role") or block["kind"]
            out[key] = out.get(key, 0) + len(block.get("items", []))
    return out


def page_text(model_id):
    root = os.path.join(SITE, "models", model_id)
    parts = []
    for dirpath, _, files in sorted(os.walk(root)):
        for name in files:
            if name == "index.html":
                parts.append(sitelib.Page(sitelib.read(os.path.join(dirpath, name))).text)
    return normalise(" ".join(parts))


class SeedImports(unittest.TestCase):
    def test_every_line_of_every_seed_is_on_the_drafts_pages(self):
        for seed, (model_id, _) in SEEDS.items():
            with open(os.path.join(ARGS.seeds, seed + ".txt"), encoding="utf-8") as f:
                raw = f.read()
            text = page_text(model_id)
            units = seed_units(raw, text)
            missing = [u for u in units if normalise(u) not in text]
            print(f"{seed} → {model_id}: {len(units)} seed sentences, {len(missing)} missing", file=sys.stderr)
            self.assertGreater(len(units), 20, seed)
            self.assertEqual(missing, [], seed)

    def test_at_one_table_has_the_curated_sections_and_role_actions(self):
        for model_id in ("imported-aot-2023", "imported-aot-martin"):
            model = model_json(model_id)
            self.assertEqual(len(model["sections"]), 6, model_id)
            self.assertEqual([s["label"] for s in model["sections"]], [f"Value {n}" for n in range(1, 7)])
            c = counts(model)
            self.assertEqual((c["worker"], c["supervisor"], c["area-leadership"], c["state-leadership"]),
                             (42, 42, 46, 38), model_id)

    def test_each_section_and_role_count_equals_the_curated_models(self):
        curated_site = os.path.join(WORK, "curated-site")
        proc, _ = sitelib.build(ARGS.binary, ARGS.content, out=curated_site)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        for seed, (model_id, _) in SEEDS.items():
            with open(os.path.join(curated_site, "models", seed, "model.json"), encoding="utf-8") as f:
                curated = json.load(f)
            draft = model_json(model_id)
            self.assertEqual(len(draft["sections"]), len(curated["sections"]), seed)
            for mine, theirs in zip(draft["sections"], curated["sections"]):
                self.assertEqual(counts({"sections": [mine]}), counts({"sections": [theirs]}),
                                 f"{seed}: {theirs['id']}")

    def test_the_letter_rubric_and_footnote_are_found(self):
        model = model_json("imported-aot-2023")
        self.assertEqual(model["title"], "At One Table")
        self.assertEqual(model["letter"]["signature"], "Tiffany Wright")
        self.assertEqual([level["name"] for level in model["rubric"]["levels"]],
                         ["Novice", "Emerging", "Accomplished", "Distinguished", "Master"])
        self.assertEqual(model["date"], "2023-06")
        maine = model_json("imported-me")
        self.assertEqual(maine["title"], "Child and Family Services Practice Model")
        self.assertEqual(maine["footnotes"][0]["marker"], "*")
        self.assertEqual(maine["jurisdiction"], "Maine")

    def test_the_report_accounts_for_every_line(self):
        for seed, (model_id, _) in SEEDS.items():
            with open(os.path.join(ARGS.seeds, seed + ".txt"), encoding="utf-8") as f:
                lines = f.read().split("\n")
            report = REPORTS[model_id].stdout
            m = re.search(r"Every line \((\d+)\): (\d+) placed, (\d+) set aside as page furniture, (\d+) blank, "
                          r"(\d+) not placed", report)
            self.assertIsNotNone(m, report[:400])
            total, placed, aside, blank, left = map(int, m.groups())
            self.assertEqual(total, len(lines), seed)
            self.assertEqual(left, 0, seed)
            self.assertEqual(placed + aside + blank, total, seed)
            self.assertIn("check: the draft passes", report, seed)
        martin = REPORTS["imported-aot-martin"].stdout
        self.assertRegex(martin, r"\n +1146 +set aside: a page number\n")
        self.assertIn("Actions per role: worker 42, supervisor 42, area-leadership 46, state-leadership 38", martin)

    def test_without_another_edition_stacked_role_headings_are_left_to_a_person(self):
        proc = run_import(os.path.join(ARGS.seeds, "ar-at-one-table-martin.txt"), "--id", "martin-alone")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("19 statements are printed before the headings 'Key Supervisor Actions: Do I...', 'Key Area "
                      "Leadership Actions: Do I...', 'Key State Leadership Actions: Do I...'", proc.stdout)
        self.assertRegex(proc.stdout, r"\d+ placed, 2 set aside as page furniture, \d+ blank, 0 not placed")
        self.assertRegex(proc.stdout, r"area-leadership heading \(its actions are in the supervisor list, to move by hand\)")
        shutil.rmtree(os.path.join(CONTENT, "models", "martin-alone"))

    def test_untagged_statements_get_topic_suggestions(self):
        report = REPORTS["imported-va"].stdout
        self.assertRegex(report, r"37 statements have no topics; 37 have topics suggested")
        with open(os.path.join(CONTENT, "models", "imported-va", "sections",
                               "01-believe-children-communities-deserve.yaml"), encoding="utf-8") as f:
            self.assertIn("# topics? [safety", f.read())
        proc = subprocess.run([ARGS.binary, "check", "--content", CONTENT], capture_output=True, text=True,
                              timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr[-2000:])
        self.assertRegex(proc.stderr, r"imported-va/sections/01-believe-children-communities-deserve\.yaml:\d+:\d+: "
                                      r"warning: statement has no topics\n  hint: .*suggest topics: \[safety")


def chromium():
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise RuntimeError("the PDF import test prints its brochure with Chromium: install Debian's chromium")
    return found


class BrochurePdf(unittest.TestCase):
    """A two-column brochure of a model of another shape, printed here by Chromium, imported."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="pb-import-pdf-")
        html_path = os.path.join(cls.tmp, "harbor.html")
        with open(html_path, "w", encoding="utf-8") as f:
            f.write(brochure.brochure_html())
        cls.pdf = os.path.join(cls.tmp, "harbor.pdf")
        subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + os.path.join(cls.tmp, "profile"), "--no-pdf-header-footer",
                        "--print-to-pdf=" + cls.pdf, "file://" + html_path],
                       capture_output=True, timeout=120, check=True)
        cls.content = os.path.join(cls.tmp, "content")
        shutil.copytree(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "content"),
                        cls.content)
        cls.proc = run_import(cls.pdf, "--id", "harbor-county", "--jurisdiction", "Harbor County",
                              content=cls.content)
        if cls.proc.returncode != 0:
            raise RuntimeError(f"import of the brochure failed:\n{cls.proc.stderr}")
        build, site = sitelib.build(ARGS.binary, cls.content, out=os.path.join(cls.tmp, "site"))
        if build.returncode != 0:
            raise RuntimeError(f"build with the brochure draft failed:\n{build.stderr}")
        with open(os.path.join(site, "models", "harbor-county", "model.json"), encoding="utf-8") as f:
            cls.model = json.load(f)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_statements_land_in_their_sections_and_roles(self):
        roles = {"Caseworker": "worker", "Supervisor": "supervisor", "Leadership": "leadership"}
        expected = []  # (section label, block, text)
        for n, element in enumerate(brochure.MODEL["elements"], 1):
            for p in element["principles"]:
                expected.append((n, "principles", p[0] if isinstance(p, tuple) else p))
                for sub in (p[1] if isinstance(p, tuple) else []):
                    expected.append((n, "principles", sub))
            for role, actions in element["roles"].items():
                expected += [(n, roles[role], a) for a in actions]
        found = {}
        for section in self.model["sections"]:
            n = int(section["label"].split()[-1]) if section["label"].startswith("Practice Element") else 0
            for block in section["blocks"]:
                walk = list(block["items"])
                while walk:
                    item = walk.pop()
                    found[normalise(item["text"])] = (n, block.get("role") or block["kind"])
                    walk += item.get("items", [])
        right = [e for e in expected if found.get(normalise(e[2])) == (e[0], e[1])]
        wrong = [(e, found.get(normalise(e[2]))) for e in expected if e not in right]
        print(f"brochure: {len(right)} of {len(expected)} statements in the right section and role", file=sys.stderr)
        self.assertEqual(wrong, [])
        self.assertEqual(len(found), len(expected))  # nothing else became a statement

    def test_title_labels_quotes_and_letter(self):
        m = self.model
        self.assertEqual(m["title"], "Harbor County Practice Model")
        self.assertEqual(m["subtitle"], "Working Side by Side with Families")
        self.assertEqual(m["vision"], brochure.MODEL["vision"])
        self.assertEqual(m["letter"]["signature"], "Dana Whitfield")
        self.assertEqual([s["label"] for s in m["sections"]], [f"Practice Element {n}" for n in range(1, 5)])
        self.assertEqual([s["title"] for s in m["sections"]], [e["title"] for e in brochure.MODEL["elements"]])
        # Sidebar quotes are summaries, also those set in the middle of a numbered list.
        self.assertEqual([s["summary"] for s in m["sections"]], [e["quote"] for e in brochure.MODEL["elements"]])

    def test_page_furniture_is_set_aside(self):
        report = self.proc.stdout
        self.assertEqual(report.count("set aside: a running header or footer"), 4)
        self.assertEqual(report.count("set aside: a page number"), 5)
        self.assertRegex(report, r"Every line \(\d+\): \d+ placed, 9 set aside as page furniture, \d+ blank, 0 not placed")
        self.assertNotIn("Family Partnership Edition", json.dumps(self.model))


class BadInput(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pb-import-bad-")
        self.content = os.path.join(self.tmp, "content")
        shutil.copytree(ARGS.content, self.content)
        self.models = sorted(os.listdir(os.path.join(self.content, "models")))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def assert_refused(self, proc, *phrases):
        self.assertEqual(proc.returncode, 1, proc.stderr)
        for phrase in phrases:
            self.assertIn(phrase, proc.stderr)
        self.assertIn("nothing was written", proc.stderr)
        self.assertEqual(sorted(os.listdir(os.path.join(self.content, "models"))), self.models)
        self.assertEqual([n for n in os.listdir(self.content) if n.startswith(".import")], [])

    def test_a_file_of_another_type(self):
        png = self.write("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        proc = run_import(png, "--id", "logo", content=self.content)
        self.assert_refused(proc, png + ": error: this is neither a PDF nor a UTF-8 text file", "hint:")

    def test_a_corrupt_pdf(self):
        pdf = self.write("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n% the rest is missing\n")
        proc = run_import(pdf, "--id", "broken", content=self.content)
        self.assert_refused(proc, pdf + ": error: this PDF cannot be read", "hint:")

    def test_an_id_that_exists_or_is_not_an_id(self):
        seed = os.path.join(ARGS.seeds, "me-practice-model.txt")
        proc = run_import(seed, "--id", "me-practice-model", content=self.content)
        self.assert_refused(proc, "a model 'me-practice-model' already exists; import never overwrites")
        proc = run_import(seed, "--id", "Maine_2024", content=self.content)
        self.assert_refused(proc, "'Maine_2024' cannot be a model id", "lowercase letters, digits")

    def test_a_pdf_locked_with_a_password(self):
        pdf = self.write("locked.pdf", tinypdf.encrypted())
        proc = run_import(pdf, "--id", "locked", content=self.content)
        self.assert_refused(proc, pdf + ": error: this PDF is encrypted with a password", "qpdf --decrypt")

    def test_a_scan_without_a_text_layer(self):
        pdf = self.write("scan.pdf", tinypdf.pages(2))
        proc = run_import(pdf, "--id", "scan", content=self.content)
        self.assert_refused(proc, pdf + ": error: this PDF has no text layer (a scan?)", "run OCR first")

    def test_a_huge_pdf_is_refused_by_its_page_count(self):
        pdf = self.write("huge.pdf", tinypdf.pages(201))
        proc = run_import(pdf, "--id", "huge", content=self.content)
        self.assert_refused(proc, pdf + ": error: this PDF has 201 pages; import reads at most 200")

    def test_a_missing_file(self):
        proc = run_import(os.path.join(self.tmp, "nowhere.pdf"), "--id", "nowhere", content=self.content)
        self.assert_refused(proc, "nowhere.pdf: error: no such file")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--seeds", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
