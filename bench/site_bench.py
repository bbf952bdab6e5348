#!/usr/bin/env python3
"""Benchmark (not a test): build a synthetic corpus of N practice models with Practicebook, and the
same pages with Hugo when it is installed (Debian's `hugo` package), and print time and peak memory.

    python3 bench/site_bench.py --binary build/practicebook --models 500 [--hugo /usr/bin/hugo]
    python3 bench/site_bench.py --models 60 --corpus-only DIR   (only write the corpus, to DIR/content)

Each synthetic model has the shape of "At One Table" (six values, principles, practice and four
roles' actions, 270 statements) with its words redrawn from the seed vocabulary, so models are alike
in size but do not all share language (which would make the shared-language list quadratic in size).
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def vocabulary():
    words = []
    for dirpath, _, files in os.walk(os.path.join(ROOT, "content", "models")):
        for name in files:
            if name.endswith(".yaml"):
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    words += re.findall(r"[a-z]{3,}", f.read().lower())
    return sorted(set(words))


def redraw(text, rng, words):
    # Keep the length and the punctuation; replace each word by a random seed word.
    return re.sub(r"[A-Za-z]{3,}", lambda m: rng.choice(words), text)


def make_corpus(folder, models, seed=1):
    rng = random.Random(seed)
    words = vocabulary()
    content = os.path.join(folder, "content")
    shutil.copytree(os.path.join(ROOT, "content"), content, ignore=shutil.ignore_patterns("models"))
    template = os.path.join(ROOT, "content", "models", "ar-at-one-table-2023")
    for n in range(models):
        target = os.path.join(content, "models", f"model-{n:04d}")
        os.makedirs(os.path.join(target, "sections"))
        for rel in ["model.yaml"] + [os.path.join("sections", s) for s in sorted(os.listdir(os.path.join(template, "sections")))]:
            with open(os.path.join(template, rel), encoding="utf-8") as f:
                text = f.read()
            text = re.sub(r"(?m)^supersedes:.*\n", "", text)
            text = re.sub(r"(?m)^family:.*\n", "", text)
            text = re.sub(r"(?m)^jurisdiction:.*$", f"jurisdiction: State {n % 50:02d}", text)
            # Redraw statement texts only (keys, ids and topics stay valid).
            text = re.sub(r"(?m)^(\s*(?:- )?text: )(.*)$", lambda m: m.group(1) + redraw(m.group(2), rng, words), text)
            with open(os.path.join(target, rel), "w", encoding="utf-8") as f:
                f.write(text)
    return content


# Runs a command in a fresh Python process that reports the command's own peak memory (RSS).
WRAPPER = ("import resource, subprocess, sys, time\n"
           "t = time.perf_counter(); p = subprocess.run(sys.argv[1:]); t = time.perf_counter() - t\n"
           "print(f'@@ {p.returncode} {t} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}', file=sys.stderr)")


def timed(command):
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True)
    code, seconds, rss_kib = re.search(r"@@ (\S+) (\S+) (\S+)", proc.stderr).groups()
    if code != "0":
        sys.exit(f"{command[0]} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return float(seconds), int(rss_kib) / 1024, proc


def count_files(folder, suffix=".html"):
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(suffix))


def make_hugo_site(folder, site):
    """The same HTML pages as Markdown for Hugo, with a minimal theme of the same structure."""
    hugo = os.path.join(folder, "hugo")
    os.makedirs(os.path.join(hugo, "layouts", "_default"))
    with open(os.path.join(hugo, "config.toml"), "w") as f:
        f.write('baseURL = "/"\ntitle = "Bench"\nuglyURLs = false\ndisableKinds = ["taxonomy", "term", "RSS"]\n')
    layout = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
              '<body><header><a href="/">Home</a></header><nav>{{ range .Site.Menus.main }}{{ .Name }}{{ end }}</nav>'
              '<main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>')
    for name in ("single.html", "list.html"):
        with open(os.path.join(hugo, "layouts", "_default", name), "w") as f:
            f.write(layout)
    content = os.path.join(hugo, "content")
    for dirpath, _, files in os.walk(site):
        for name in files:
            if not name.endswith(".html"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), site)
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                html = f.read()
            body = re.sub(r"(?s).*<main[^>]*>(.*)</main>.*", r"\1", html)
            text = re.sub(r"<[^>]+>", " ", body)
            md_path = os.path.join(content, rel[:-len("index.html")] + "_index.md" if rel.endswith("index.html") else rel[:-5] + ".md")
            os.makedirs(os.path.dirname(md_path), exist_ok=True)
            with open(md_path, "w", encoding="utf-8") as f:
                f.write('---\ntitle: "page"\n---\n' + re.sub(r"[ \t]+", " ", text))
    return hugo


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "practicebook"))
    parser.add_argument("--models", type=int, default=500)
    parser.add_argument("--hugo", default=shutil.which("hugo"))
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--corpus-only", metavar="DIR", help="write the corpus to DIR/content and stop (for tests)")
    args = parser.parse_args()
    if args.corpus_only:
        os.makedirs(args.corpus_only, exist_ok=True)
        print(make_corpus(args.corpus_only, args.models))
        return
    folder = tempfile.mkdtemp(prefix="pb-bench-")
    content = make_corpus(folder, args.models)
    out = os.path.join(folder, "site")
    seconds, rss, proc = timed([args.binary, "build", "--no-pdf", "--content", content, "--out", out])
    pages = count_files(out)
    print(f"practicebook: {args.models} models, {pages} HTML pages in {seconds:.2f} s, peak memory {rss:.0f} MiB")
    print("  " + "\n  ".join(proc.stdout.strip().splitlines()))
    if args.hugo:
        hugo = make_hugo_site(folder, out)
        hseconds, hrss, _ = timed([args.hugo, "--quiet", "--source", hugo, "--destination", os.path.join(folder, "hugo-public")])
        hpages = count_files(os.path.join(folder, "hugo-public"))
        print(f"hugo:         {hpages} HTML pages in {hseconds:.2f} s, peak memory {hrss:.0f} MiB")
        print(f"practicebook: {hseconds / seconds:.1f}x faster, {rss / hrss:.2f}x Hugo's memory")
    else:
        print("hugo: not installed (apt-get install hugo) — comparison skipped")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
