#!/usr/bin/env python3
"""The site benchmark (bench/site_bench.py) works: a deterministic corpus, the Hugo site it compares
against (same tree, sibling navigation), and a whole run at 3 models without Hugo whose figures agree
with the built output. Times are printed by the benchmark, never asserted here."""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

BENCH = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "bench")
sys.path.insert(0, BENCH)
from corpus import make_corpus  # noqa: E402
from hugo_site import make_hugo_site, markdown_path, strip_tags  # noqa: E402

ARGS = None


def snapshot(folder):
    out = {}
    for root, _, files in os.walk(folder):
        for name in files:
            full = os.path.join(root, name)
            with open(full, "rb") as f:
                out[os.path.relpath(full, folder)] = f.read()
    return out


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


class Bench(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pb-bench-test-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_corpus_is_the_same_each_time(self):
        first = snapshot(make_corpus(os.path.join(self.tmp, "a"), 2))
        second = snapshot(make_corpus(os.path.join(self.tmp, "b"), 2))
        self.assertEqual(first, second)
        models = {path.split(os.sep)[1] for path in first if path.startswith("models" + os.sep)}
        self.assertEqual(models, {"model-0000", "model-0001"})
        self.assertIn("jurisdiction: State 01", first[os.path.join("models", "model-0001", "model.yaml")].decode())

    def test_corpus_shapes(self):
        default = snapshot(make_corpus(os.path.join(self.tmp, "a"), 3))
        copies = snapshot(make_corpus(os.path.join(self.tmp, "b"), 3, shared=1.0, states=1))
        texts = {}
        for path, data in copies.items():
            if path.startswith("models" + os.sep) and path.endswith(os.path.join("sections", "01-relationships.yaml")):
                texts[path.split(os.sep)[1]] = re.findall(r"(?m)^\s*(?:- )?text: .*$", data.decode())
        self.assertEqual(len(texts), 3)
        self.assertTrue(texts["model-0000"] and texts["model-0000"] == texts["model-0001"] == texts["model-0002"],
                        "shared=1.0: every model says the same")
        for n in range(3):
            self.assertIn("jurisdiction: State 00", copies[os.path.join("models", f"model-{n:04d}", "model.yaml")].decode())
        one = os.path.join("models", "model-0001", "sections", "01-relationships.yaml")
        self.assertNotEqual(default[one], copies[one], "the default corpus redraws every statement")

    def test_corpus_from_another_content_folder(self):
        # Six models from the seed's five, in turn: the 2023 edition of At One Table supersedes the copy
        # of the edition it replaces; its second copy, whose older edition is not in the corpus, none.
        seed = os.path.join(os.path.dirname(BENCH), "content")
        corpus = snapshot(make_corpus(os.path.join(self.tmp, "a"), 6, source=seed))
        models = sorted({path.split(os.sep)[1] for path in corpus if path.startswith("models" + os.sep)})
        self.assertEqual(models, ["ar-at-one-table-2023-000", "ar-at-one-table-2023-001", "ar-at-one-table-martin-000",
                                  "ar-practice-model-000", "me-practice-model-000", "va-practice-model-000"])
        meta = {m: corpus[os.path.join("models", m, "model.yaml")].decode() for m in models}
        self.assertIn("supersedes: ar-at-one-table-martin-000\n", meta["ar-at-one-table-2023-000"])
        self.assertNotIn("supersedes:", meta["ar-at-one-table-2023-001"])
        self.assertIn("family: ar-at-one-table-001\n", meta["ar-at-one-table-2023-001"])
        self.assertIn("jurisdiction: State 04", meta["va-practice-model-000"])
        self.assertIn(os.path.join("models", "ar-practice-model-000", "sections", "02-principles.yaml"), corpus)

    def test_pages_map_to_the_same_urls_in_hugo(self):
        sections = {"models", "models/a"}
        self.assertEqual(markdown_path("index.html", sections), "_index.md")
        self.assertEqual(markdown_path("models/a/index.html", sections), "models/a/_index.md")
        self.assertEqual(markdown_path("models/a/values/index.html", sections), "models/a/values.md")
        self.assertEqual(markdown_path("404.html", sections), "404.md")

    def test_tags_become_spaces_and_runs_of_spaces_one(self):
        self.assertEqual(strip_tags('<p class="x">Keep    <b>these</b>\n\twords</p>'), " Keep these \n words ")

    def test_hugo_site_has_parent_and_sibling_links(self):
        hugo = shutil.which("hugo")
        if not hugo:
            self.skipTest("hugo is not installed")
        site = os.path.join(self.tmp, "site")
        page = "<html><head><title>{0}</title></head><body><nav>menu</nav><main><h1>{0}</h1><p>Text of {0}</p></main></body></html>"
        for rel, title in [("index.html", "Home"), ("a/index.html", "Part A"), ("a/one/index.html", "One"),
                           ("a/two/index.html", "Two"), ("404.html", "Not found")]:
            write(os.path.join(site, rel), page.format(title))
        source, pages = make_hugo_site(self.tmp, site)
        self.assertEqual(pages, 5)
        with open(os.path.join(source, "content", "a", "one.md"), encoding="utf-8") as f:
            self.assertEqual(f.read(), '---\ntitle: "One"\n---\n One Text of One \n')
        public = os.path.join(self.tmp, "public")
        subprocess.run([hugo, "--quiet", "--source", source, "--destination", public], check=True)
        with open(os.path.join(public, "a", "one", "index.html"), encoding="utf-8") as f:
            one = f.read()
        with open(os.path.join(public, "a", "two", "index.html"), encoding="utf-8") as f:
            two = f.read()
        self.assertIn('› <a href="/a/">Part A</a>', one)
        self.assertRegex(one, r'(?s)<nav aria-label="Pages in this section">.*href="/a/two/">Two</a>')
        self.assertRegex(two, r'(?s)<nav aria-label="Pages in this section">.*href="/a/one/">One</a>')
        self.assertIn("<p>One Text of One</p>", one)

    def test_a_run_at_three_models_without_hugo(self):
        figures_file = os.path.join(self.tmp, "figures.json")
        proc = subprocess.run([sys.executable, os.path.join(BENCH, "site_bench.py"), "--binary", ARGS.binary,
                               "--models", "3", "--runs", "1", "--no-hugo", "--keep", "--workdir", self.tmp,
                               "--json", figures_file], capture_output=True, text=True, timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        kept = re.search(r"^kept: (\S+) and (\S+)$", proc.stdout, re.M)
        self.assertIsNotNone(kept, proc.stdout)
        self.addCleanup(shutil.rmtree, kept.group(2), True)
        with open(figures_file, encoding="utf-8") as f:
            figures = json.load(f)
        self.assertEqual(set(figures["series"]), {"pb_disk", "copy", "pb_check", "pb_memory", "seed"})
        self.assertEqual([len(figures["series"][key]["seconds"]) for key in ("pb_disk", "copy", "pb_check", "pb_memory", "seed")],
                         [1, 1, 1, 1, 5])
        # What the disk goal leaves for the pages: 1.15 times the copy's time less check's (which writes nothing).
        budget, series = figures["disk_budget"], figures["series"]
        self.assertEqual((budget["check_seconds"], budget["floor_seconds"]), (series["pb_check"]["median"], series["copy"]["median"]))
        self.assertAlmostEqual(budget["left_for_pages_seconds"], 1.15 * series["copy"]["median"] - series["pb_check"]["median"], places=3)
        self.assertRegex(proc.stdout, r"(?m)^what the disk goal leaves: .* takes \d+\.\d{3}s, \d+\.\d\d× the floor; "
                                      r"1\.15× the floor leaves -?\d+\.\d{3}s to render and write \d+ files$")
        self.assertRegex(proc.stdout, r"(?m)^practicebook check \(no output\) +[0-9.]+s")
        self.assertIsNone(figures["hugo"])
        # Peak memory is the program's own: cp needs about 2 MiB, not this Python process's share.
        self.assertLess(figures["series"]["copy"]["peak_mib"], 8)
        self.assertGreater(figures["series"]["copy"]["peak_mib"], 0.5)
        # CPU time is GNU time's user and system seconds: cp works on one thread, in the kernel, so its
        # CPU time is at most its wall time (GNU time rounds to hundredths) and mostly system time.
        copy = figures["series"]["copy"]
        self.assertEqual((len(copy["user_seconds"]), len(copy["system_seconds"])), (1, 1))
        self.assertLessEqual(copy["user_seconds"][0] + copy["system_seconds"][0], copy["seconds"][0] + 0.02)
        self.assertGreaterEqual(copy["system_seconds"][0], copy["user_seconds"][0])
        self.assertRegex(proc.stdout, r"(?m)^write floor: cp -r .* MiB +\d+\.\d\d \+ \d+\.\d\d s$")
        # The output figures agree with the site the benchmark built.
        built = snapshot(os.path.join(kept.group(1), "site"))
        output = figures["output"]
        self.assertEqual(output["files"], len(built))
        self.assertEqual(output["bytes"], sum(len(data) for data in built.values()))
        self.assertEqual(output["html_pages"], sum(path.endswith(".html") for path in built))
        largest = max((path for path in built if not path.endswith(".pdf")), key=lambda path: len(built[path]))
        self.assertEqual(output["largest_non_pdf"]["bytes"], len(built[largest]))
        self.assertEqual(output["non_pdf_over_limit"], 0)
        results = {item["goal"]: item["result"] for item in figures["goals"]}
        self.assertEqual(results["on disk faster than Hugo on disk"], "SKIP")
        self.assertEqual(results["no file but PDFs over 1.5 MB"], "PASS")
        self.assertEqual(len(results), 6)
        self.assertIn("(Hugo's rows skipped)", proc.stdout)
        self.assertRegex(proc.stdout, r"(?m)^  render +[0-9.]+ ms +\d+ pages")
        self.assertIn("binary:    " + ARGS.binary + "\n", proc.stdout)  # which build was measured
        self.assertRegex(proc.stdout, r"(?m)^practicebook, /dev/shm +[0-9.]+s")

    def test_corpus_only_writes_the_corpus_and_stops(self):
        proc = subprocess.run([sys.executable, os.path.join(BENCH, "site_bench.py"), "--models", "2", "--corpus-only", self.tmp],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout.strip(), os.path.join(self.tmp, "content"))
        self.assertEqual(sorted(os.listdir(os.path.join(self.tmp, "content", "models"))), ["model-0000", "model-0001"])
        self.assertEqual(sorted(os.listdir(self.tmp)), ["content"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    ARGS, rest = parser.parse_known_args()
    ARGS.binary = os.path.abspath(ARGS.binary)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
