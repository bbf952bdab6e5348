#!/usr/bin/env python3
"""End-to-end: the command line as a policy team meets it — errors, exit codes, the site left alone."""
import argparse
import filecmp
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import unittest

import sitelib

ARGS = None


def run(*args):
    # Builds here test the site, not its PDFs: printing every handout with Chromium takes a minute.
    if args and args[0] == "build" and "--help" not in args:
        args = ("build", "--no-pdf", *args[1:])
    return subprocess.run([ARGS.binary, *args], capture_output=True, text=True, timeout=60)


def snapshot(folder):
    out = {}
    for root, _, files in os.walk(folder):
        for name in files:
            full = os.path.join(root, name)
            with open(full, "rb") as f:
                out[os.path.relpath(full, folder)] = f.read()
    return out


class Cli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pb-cli-")
        self.content = os.path.join(self.tmp, "content")
        shutil.copytree(ARGS.content, self.content)
        self.site = os.path.join(self.tmp, "site")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_a_section_whose_page_would_pass_1_5_mb_is_a_warning_naming_it(self):
        # A long manual put in one section: 2,200 statements of about 400 characters. Its page stays one
        # page (its permalinks are there), so check and build say so, and --strict makes it an error.
        section = os.path.join(self.content, "models/me-practice-model/sections/99-manual.yaml")
        words = ["kin", "placement", "court", "review", "safety", "network", "plan", "visit", "youth", "school"]
        with open(section, "w", encoding="utf-8") as f:
            f.write("id: manual\ntitle: The whole manual\nblocks:\n  - kind: practice\n    items:\n")
            for n in range(2200):
                text = " ".join(words[(n * 7 + w * 3 + w * w) % len(words)] for w in range(60))
                f.write(f"      - text: Step {n + 1}, {text}.\n        topics: [safety]\n")
        proc = run("check", "--content", self.content)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        found = re.search(r"(\S+99-manual\.yaml):1:5: warning: this section's page will be about (\d+\.\d) MB "
                          r"\(2200 statements\), over the 1\.5 MB a page should keep to: it loads slowly on a phone\n"
                          r"  hint: split it into several sections, a file each in sections/, each then its own page", proc.stderr)
        self.assertIsNotNone(found, proc.stderr)
        self.assertEqual(run("check", "--content", self.content, "--strict").returncode, 1)
        # The estimate is about what the page prints.
        proc = run("build", "--content", self.content, "--out", self.site, "--quiet")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        printed = os.path.getsize(os.path.join(self.site, "models/me-practice-model/manual/index.html")) / 1e6
        self.assertLess(abs(float(found.group(2)) - printed), 0.25 * printed, f"estimated {found.group(2)} MB, printed {printed:.2f}")
        # A section of ordinary length is no warning.
        os.remove(section)
        self.assertNotIn("section's page", run("check", "--content", self.content).stderr)

    def test_unknown_key_is_reported_with_position_and_leaves_the_site_unchanged(self):
        proc = run("build", "--content", self.content, "--out", self.site)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        before = snapshot(self.site)
        section = os.path.join(self.content, "models/ar-at-one-table-2023/sections/01-relationships.yaml")
        with open(section, encoding="utf-8") as f:
            lines = f.read().split("\n")
        lines.insert(2, "sumary: a typo")
        with open(section, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        proc = run("build", "--content", self.content, "--out", self.site)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(f"{section}:3:1: error: unknown key 'sumary' (did you mean 'summary'?)", proc.stderr)
        self.assertIn("left unchanged", proc.stderr)
        self.assertEqual(snapshot(self.site), before)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["content", "site"])  # no staging folder left

    def test_all_errors_of_a_run_are_reported_together(self):
        a = os.path.join(self.content, "models/ar-at-one-table-2023/sections/02-resource-families.yaml")
        b = os.path.join(self.content, "models/me-practice-model/model.yaml")
        for path, bad in ((a, "sumary: x"), (b, "titel: x")):
            with open(path, "a", encoding="utf-8") as f:
                f.write("\n" + bad + "\n")
        proc = run("check", "--content", self.content)
        self.assertEqual(proc.returncode, 1)
        self.assertRegex(proc.stderr, re.escape(a) + r":\d+:1: error: unknown key 'sumary' \(did you mean 'summary'\?\)")
        self.assertRegex(proc.stderr, re.escape(b) + r":\d+:1: error: unknown key 'titel' \(did you mean 'title'\?\)")
        self.assertIn("2 errors, 0 warnings", proc.stderr)

    def test_errors_of_loading_and_of_cross_file_checks_come_together(self):
        a = os.path.join(self.content, "models/ar-at-one-table-2023/sections/02-resource-families.yaml")
        b = os.path.join(self.content, "models/me-practice-model/model.yaml")
        with open(a, encoding="utf-8") as f:
            text = f.read().replace("role: supervisor", "role: supervsor", 1)
        with open(a, "w", encoding="utf-8") as f:
            f.write(text)
        with open(b, "a", encoding="utf-8") as f:
            f.write("\ntitel: x\n")
        proc = run("check", "--content", self.content)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("error: unknown role 'supervsor' (did you mean 'supervisor'?)", proc.stderr)
        self.assertIn("error: unknown key 'titel' (did you mean 'title'?)", proc.stderr)

    def test_check_passes_on_the_real_content(self):
        proc = run("check", "--content", ARGS.content)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertNotIn("warning", proc.stderr)

    def test_pdf_without_chromium_says_what_to_install(self):
        env = dict(os.environ, CHROMIUM=os.path.join(self.tmp, "no-chromium-here"))
        proc = subprocess.run([ARGS.binary, "pdf", "--content", self.content, "--out", self.site],
                              capture_output=True, text=True, timeout=60, env=env)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("printing PDFs needs Chromium, which is not installed", proc.stderr)
        self.assertIn("apt-get install chromium", proc.stderr)
        self.assertFalse(os.path.exists(self.site))  # nothing built, nothing half-printed

    def test_build_without_chromium_builds_the_site_and_says_in_one_line_that_pdfs_are_skipped(self):
        env = dict(os.environ, CHROMIUM=os.path.join(self.tmp, "no-chromium-here"))
        proc = subprocess.run([ARGS.binary, "build", "--content", self.content, "--out", self.site, "--quiet"],
                              capture_output=True, text=True, timeout=60, env=env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        skipped = [line for line in proc.stdout.splitlines() if "PDFs skipped" in line]
        self.assertEqual(skipped, ["PDFs skipped: Chromium is not installed ('sudo apt-get install chromium', "
                                   "or set CHROMIUM; --no-pdf skips them without this note)"])
        # content/site.yaml sets no base_url: one note, not one per handout.
        self.assertEqual(proc.stderr.count("printed handouts show no web address"), 1)
        self.assertTrue(os.path.isfile(os.path.join(self.site, "handouts/index.html")))
        self.assertEqual([f for _, _, files in os.walk(self.site) for f in files if f.endswith(".pdf")], [])
        # --no-pdf: no note about Chromium at all.
        proc = run("build", "--content", self.content, "--out", self.site, "--quiet")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertNotIn("PDFs skipped", proc.stdout)

    def test_new_model_scaffolds_a_model_that_builds(self):
        proc = run("new", "model", "tx-practice-model", "--content", self.content)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(os.path.isfile(os.path.join(self.content, "models/tx-practice-model/sections/01-first-value.yaml")))
        proc = run("build", "--content", self.content, "--out", self.site, "--quiet")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(os.path.isfile(os.path.join(self.site, "models/tx-practice-model/first-value/index.html")))
        again = run("new", "model", "tx-practice-model", "--content", self.content)
        self.assertEqual(again.returncode, 2)  # the id given is taken: a usage error; the content is fine
        self.assertIn("already exists; nothing was changed", again.stderr)

    def test_new_model_from_an_edition_starts_the_next_one(self):
        proc = run("new", "model", "ar-at-one-table-2025", "--from", "ar-at-one-table-2023", "--content", self.content)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        model = sitelib.read(os.path.join(self.content, "models/ar-at-one-table-2025/model.yaml"))
        self.assertIn("supersedes: ar-at-one-table-2023", model)
        self.assertIn("family: ar-at-one-table", model)
        self.assertNotIn("date:", model)
        proc = run("build", "--content", self.content, "--out", self.site, "--quiet")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        old = sitelib.read(os.path.join(self.site, "models/ar-at-one-table-2023/index.html"))
        self.assertIn("Archived edition", old)  # the 2023 edition now points to the new one
        changes = sitelib.read(os.path.join(self.site, "models/ar-at-one-table-2025/changes/index.html"))
        self.assertIn("0 added, 0 removed, 0 reworded, 0 moved; 0 other changes", sitelib.Page(changes).text)

    def test_new_model_from_a_model_yaml_that_cannot_be_read_copies_nothing(self):
        source = os.path.join(self.content, "models/me-practice-model/model.yaml")
        os.remove(source)
        os.symlink("/proc/self/mem", source)  # reading it from offset 0 fails, even as root
        proc = run("new", "model", "me-next", "--from", "me-practice-model", "--content", self.content)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn("me-practice-model/model.yaml: error: cannot read the model to start from: Input/output error",
                      proc.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.content, "models/me-next")))

    def test_new_model_from_takes_a_model_id_not_a_path(self):
        # A model outside content/models/ that a path could reach, and the real one by three kinds of path.
        outside = os.path.join(self.content, "x")
        shutil.copytree(os.path.join(self.content, "models/me-practice-model"), outside)
        models_before = sorted(os.listdir(os.path.join(self.content, "models")))
        for i, (path, suggestion) in enumerate((("../x", "x"),
                                                ("content/models/me-practice-model", "me-practice-model"),
                                                (os.path.join(self.content, "models/me-practice-model"),
                                                 "me-practice-model"),
                                                (outside + "/", "x"))):
            with self.subTest(path=path):
                proc = subprocess.run([ARGS.binary, "new", "model", f"me-next-{i}", "--from", path,
                                       "--content", self.content],
                                      capture_output=True, text=True, timeout=60, cwd=self.tmp)
                self.assertEqual(proc.returncode, 2, proc.stderr)
                self.assertEqual(proc.stderr,
                                 f"error: --from takes a model id, not a path: '{path}'\n"
                                 f"  hint: name a folder of {self.content}/models, e.g. '--from {suggestion}'\n"
                                 "1 error, 0 warnings\n")
                self.assertEqual(proc.stdout, "")
                self.assertEqual(sorted(os.listdir(os.path.join(self.content, "models"))), models_before)

    def test_edit_links_point_at_the_source_file(self):
        site_yaml = os.path.join(self.content, "site.yaml")
        with open(site_yaml, "a", encoding="utf-8") as f:
            f.write("edit_url: https://git.example.org/team/models/edit/main/content/\n")
        proc = run("build", "--content", self.content, "--out", self.site, "--quiet")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        page = sitelib.page(self.site, "models/ar-at-one-table-2023/relationships/index.html")
        self.assertIn("https://git.example.org/team/models/edit/main/content/models/ar-at-one-table-2023/sections/"
                      "01-relationships.yaml", page.links)
        self.assertIn("Edit this page", page.text)

    def test_a_windows_1252_byte_is_the_same_error_in_check_and_build(self):
        proc = run("build", "--content", self.content, "--out", self.site)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        before = snapshot(self.site)
        section = os.path.join(self.content, "models/me-practice-model/model.yaml")
        with open(section, "rb") as f:
            data = f.read()
        # A curly quote saved as Windows-1252 on the first line: title: \x93…
        first_end = data.index(b"\n")
        data = data[:first_end] + b" \x93quoted\x94" + data[first_end:]
        with open(section, "wb") as f:
            f.write(data)
        column = len(data[:first_end].decode("utf-8")) + 2
        expected = f"{section}:1:{column}: error: byte 0x93 is not valid UTF-8"
        for command in (["check", "--content", self.content], ["build", "--content", self.content, "--out", self.site]):
            with self.subTest(command=command[0]):
                proc = run(*command)
                self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
                self.assertIn(expected, proc.stderr)
                self.assertIn("hint: save the file as UTF-8", proc.stderr)
                self.assertNotIn("terminate", proc.stderr)
        self.assertEqual(snapshot(self.site), before)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["content", "site"])

    def test_base_url_must_be_a_web_address(self):
        proc = run("build", "--content", self.content, "--out", self.site, "--base-url", "JavaScript:alert(1)")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("error: --base-url must be an http or https address", proc.stderr)
        self.assertFalse(os.path.exists(self.site))

    def test_usage_errors_exit_with_2(self):
        self.assertEqual(run("build", "--no-such-flag").returncode, 2)
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("--help").returncode, 0)

    def exit_codes(self, cases, env=None):
        for args, expected in cases:
            with self.subTest(args=" ".join(args)):
                proc = subprocess.run([ARGS.binary, *args], capture_output=True, text=True, timeout=120,
                                      env=dict(os.environ, **(env or {})), cwd=self.tmp)
                self.assertEqual(proc.returncode, expected, proc.stdout + proc.stderr)

    def test_exit_codes_of_every_command_as_the_readme_gives_them(self):
        out, c = os.path.join(self.tmp, "out"), self.content
        models = ["ar-at-one-table-martin", "ar-at-one-table-2023"]
        # 0: success.
        self.exit_codes([(["--help"], 0), (["--version"], 0)]
                        + [([cmd, "--help"], 0) for cmd in ("build", "check", "serve", "new", "diff", "pdf")]
                        + [(["new", "model", "--help"], 0),
                           (["check", "--content", c], 0),
                           (["build", "--no-pdf", "--content", c, "--out", out, "--quiet"], 0),
                           (["diff", *models, "--content", c], 0),
                           (["new", "model", "tx-practice-model", "--content", c], 0),
                           (["new", "model", "ar-at-one-table-2025", "--from", "ar-at-one-table-2023", "--content", c], 0)])
        # 2: usage errors — the command line is wrong, whatever the content.
        self.exit_codes([([], 2), (["bogus"], 2), (["--bogus"], 2),
                         (["build", "--bogus"], 2), (["build", "extra"], 2), (["build", "--jobs", "many"], 2),
                         (["build", "--content"], 2), (["check", "--bogus"], 2), (["check", "extra"], 2),
                         (["serve", "--bogus"], 2), (["serve", "--port", "http"], 2), (["serve", "--port", "99999"], 2),
                         (["pdf", "--bogus"], 2), (["pdf", "--jobs", "-1"], 2),
                         (["diff"], 2), (["diff", models[0]], 2), (["diff", *models, "third"], 2),
                         (["diff", "no-such-model", models[1], "--content", c], 2),
                         (["new"], 2), (["new", "bogus"], 2), (["new", "model"], 2),
                         (["new", "model", "Not_An_Id", "--content", c], 2),
                         (["new", "model", "me-practice-model", "--content", c], 2),  # taken
                         (["new", "model", "x-2025", "--from", "no-such-model", "--content", c], 2),
                         (["new", "model", "x-2025", "--from", "../models/me-practice-model", "--content", c], 2)])
        self.assertFalse(os.path.exists(os.path.join(c, "models/x-2025")))
        # 1: content errors — a missing content folder, or sources with errors (or warnings, with --strict).
        missing = os.path.join(self.tmp, "no-content")
        foreign = os.path.join(self.tmp, "not-a-site")
        os.makedirs(foreign)
        with open(os.path.join(foreign, "notes.txt"), "w", encoding="utf-8") as f:
            f.write("not built by Practicebook\n")
        self.exit_codes([(["build", "--content", c, "--out", foreign], 1),
                         (["build", "--content", c, "--out", out, "--theme", missing], 1),
                         (["check", "--content", c, "--theme", missing], 1)])
        self.exit_codes([(["check", "--content", missing], 1), (["build", "--content", missing, "--out", out], 1),
                         (["diff", *models, "--content", missing], 1),
                         (["new", "model", "x-2025", "--content", missing], 1)])
        with open(os.path.join(c, "models/tx-practice-model/model.yaml"), "a", encoding="utf-8") as f:
            f.write("titel: typo\n")
        self.exit_codes([(["check", "--content", c], 1), (["build", "--content", c, "--out", out], 1),
                         (["diff", *models, "--content", c], 1)])
        shutil.rmtree(os.path.join(c, "models/tx-practice-model"))
        self.exit_codes([(["check", "--content", c], 0)])
        with open(os.path.join(c, "models/me-practice-model/sections/03-safe-nurturing-family.yaml"), "a",
                  encoding="utf-8") as f:
            f.write("  - kind: practice\n    items:\n      - A statement without topics.\n")
        self.exit_codes([(["check", "--content", c], 0), (["check", "--content", c, "--strict"], 1)])
        # serve: 2 when its port is taken.
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = str(taken.getsockname()[1])
            self.exit_codes([(["serve", "--content", c, "--out", out, "--port", port], 2)])
        # pdf: 1 when Chromium is missing or fails, as for content errors.
        self.exit_codes([(["pdf", "--content", c, "--out", out, "--quiet"], 1)],
                        env={"CHROMIUM": os.path.join(self.tmp, "no-chromium")})
        self.exit_codes([(["pdf", "--content", c, "--out", out, "--quiet", "--jobs", "2"], 1)],
                        env={"CHROMIUM": shutil.which("false") or "/bin/false"})

    def test_practicebook_loads_neither_poppler_nor_httplib_and_hands_their_commands_to_practicebook_full(self):
        def needed(binary):
            dynamic = subprocess.run(["readelf", "--dynamic", binary], capture_output=True, text=True, check=True)
            return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic.stdout))
        full = os.path.join(os.path.dirname(ARGS.binary), "practicebook-full")
        light_libraries, full_libraries = needed(ARGS.binary), needed(full)
        for library in ("libpoppler-cpp", "libcpp-httplib"):
            self.assertTrue(any(n.startswith(library) for n in full_libraries), (library, full_libraries))
            self.assertFalse(any(n.startswith(library) for n in light_libraries), (library, light_libraries))
        # Alone in a folder, practicebook builds and checks, and says what is missing for the rest.
        alone = os.path.join(self.tmp, "bin")
        os.makedirs(alone)
        shutil.copy2(ARGS.binary, alone)
        lone = os.path.join(alone, os.path.basename(ARGS.binary))
        built = subprocess.run([lone, "build", "--no-pdf", "--quiet", "--content", self.content, "--out", self.site],
                               capture_output=True, text=True, timeout=60)
        self.assertEqual(built.returncode, 0, built.stderr)
        self.assertTrue(os.path.isfile(os.path.join(self.site, "index.html")))
        draft = os.path.join(self.tmp, "model.txt")
        with open(draft, "w", encoding="utf-8") as f:
            f.write("Vision\n\nChildren are safe.\n")
        env = dict(os.environ, CHROMIUM=shutil.which("false") or "/bin/false")
        for args in (["import", draft, "--id", "xx-model", "--content", self.content],
                     ["serve", "--content", self.content, "--out", self.site, "--port", "0"],
                     ["pdf", "--content", self.content, "--out", self.site, "--quiet"]):
            proc = subprocess.run([lone, *args], capture_output=True, text=True, timeout=60, env=env)
            self.assertEqual(proc.returncode, 1, (args, proc.stderr))
            self.assertEqual(proc.stderr.splitlines(), [
                f"error: this command runs in {alone}/practicebook-full, which cannot be started: "
                "No such file or directory",
                "  hint: it is built beside practicebook by 'make generator'; copy both programs together"], args)
        self.assertFalse(os.path.exists(os.path.join(self.content, "models/xx-model")))
        # A build's PDFs are optional: with Chromium found but no practicebook-full, the site is built
        # without them and one line says why, as when Chromium is missing.
        shutil.rmtree(self.site)
        proc = subprocess.run([lone, "build", "--content", self.content, "--out", self.site, "--quiet"],
                              capture_output=True, text=True, timeout=60, env=env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual([line for line in proc.stdout.splitlines() if "PDFs skipped" in line], [
            f"PDFs skipped: printing them needs {alone}/practicebook-full, which cannot be started: No such file "
            "or directory ('make generator' builds it beside practicebook; --no-pdf skips them without this note)"])
        self.assertNotIn("error", proc.stderr)
        self.assertTrue(os.path.isfile(os.path.join(self.site, "handouts/index.html")))
        self.assertEqual([f for _, _, files in os.walk(self.site) for f in files if f.endswith(".pdf")], [])

    def test_missing_content_folder_is_a_content_error(self):
        proc = run("build", "--content", os.path.join(self.tmp, "nope"), "--out", self.site)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("error: the content folder does not exist", proc.stderr)

    def test_raw_html_is_dropped_unless_allowed(self):
        site_yaml = os.path.join(self.content, "site.yaml")
        with open(site_yaml, "a", encoding="utf-8") as f:
            f.write("")
        with open(site_yaml, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"(?m)^intro: \|\n", "intro: |\n  <script>alert('x')</script> <b>bold</b>\n", text)
        with open(site_yaml, "w", encoding="utf-8") as f:
            f.write(text)
        proc = run("build", "--content", self.content, "--out", self.site, "--quiet")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        home = sitelib.read(os.path.join(self.site, "index.html"))
        self.assertNotIn("<script>alert", home)
        self.assertNotIn("<b>bold</b>", home)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--content", required=True)
    ARGS, rest = parser.parse_known_args()
    if os.sep in ARGS.binary:  # some tests run in another folder
        ARGS.binary = os.path.abspath(ARGS.binary)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
