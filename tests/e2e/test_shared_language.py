"""End-to-end: shared language across states (issue 15).

- Hand-labelled pairs of sentences of the seed models (shared_language_pairs.json): how many related
  pairs the clusters show (recall, per tier) and how many unrelated ones (precision).
- One model copied 100 times as separate families: one cluster per statement, a small page, and
  shared-language.json in parts (about 1.3 MB in all), none over 1.5 MB, that name each other.

    python3 tests/e2e/test_shared_language.py --binary build/practicebook --content content
"""
import argparse
import collections
import itertools
import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import sitelib  # noqa: E402
from sitelib import FAILURES, check  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(text):
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("\u2019", "'")).strip()


def shown_pairs(clusters):
    """Every pair of statements of different models in one cluster, with the cluster's kind."""
    pairs = []
    for c in clusters:
        for x, y in itertools.combinations(c["statements"], 2):
            if x["model"] != y["model"]:
                pairs.append((c["kind"], x, y))
    return pairs


def matches(label_side, statement):
    return label_side["model"] == statement["model"] and (
        norm(label_side["text"]) in norm(statement["text"]) or norm(statement["text"]) in norm(label_side["text"]))


def labelled_pairs(binary, content):
    proc, site = sitelib.build(binary, content)
    check(proc.returncode == 0, f"build failed: {proc.stderr}")
    if proc.returncode:
        return
    clusters, _ = sitelib.shared_language_clusters(site)
    with open(os.path.join(HERE, "shared_language_pairs.json"), encoding="utf-8") as f:
        labels = json.load(f)["pairs"]
    shown = shown_pairs(clusters)

    def found(label):
        for kind, x, y in shown:
            if (matches(label["a"], x) and matches(label["b"], y)) or (matches(label["a"], y) and matches(label["b"], x)):
                return kind
        return None

    related = [l for l in labels if l["related"]]
    unrelated = [l for l in labels if not l["related"]]
    found_related = [found(l) for l in related]
    found_unrelated = [found(l) for l in unrelated]
    hits = sum(1 for k in found_related if k)
    false = sum(1 for k in found_unrelated if k)
    per_tier = {kind: sum(1 for k in found_related if k == kind) for kind in ("same-words", "same-idea")}
    false_tier = {kind: sum(1 for k in found_unrelated if k == kind) for kind in ("same-words", "same-idea")}
    print(f"labelled: {len(related)} related, {len(unrelated)} unrelated; shown pairs: {len(shown)}")
    print(f"related found: {hits}/{len(related)} (same words {per_tier['same-words']}, same idea {per_tier['same-idea']})")
    print(f"unrelated shown: {false}/{len(unrelated)} (same words {false_tier['same-words']}, same idea {false_tier['same-idea']})")
    check(hits >= 0.7 * len(related), f"recall: {hits} of {len(related)} related pairs found")
    check(false <= 0.1 * max(1, hits + false), f"precision: {false} unrelated pairs shown among {hits + false}")
    for must in ("We believe that people can change.", "We support placements that promote family, sibling and community connections"):
        check(any(found(l) for l in related if must in l["a"]["text"] or must in l["b"]["text"]), f"not found: {must}")
    shutil.rmtree(os.path.dirname(site), ignore_errors=True)


def many_copies(binary, content, copies=100):
    work = tempfile.mkdtemp(prefix="pb-shared-")
    try:
        target = os.path.join(work, "content")
        shutil.copytree(content, target, ignore=shutil.ignore_patterns("models"))
        source = os.path.join(content, "models", "va-practice-model")
        for n in range(copies):
            model = os.path.join(target, "models", f"va-copy-{n:02d}")
            shutil.copytree(source, model)
            path = os.path.join(model, "model.yaml")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            text = re.sub(r"(?m)^family:.*\n", "", text)
            text = re.sub(r"(?m)^jurisdiction:.*$", f"jurisdiction: Virginia {n:02d}", text)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        proc, site = sitelib.build(binary, target)
        check(proc.returncode == 0, f"build of {copies} copies failed: {proc.stderr[-2000:]}")
        if proc.returncode:
            return
        clusters, parts = sitelib.shared_language_clusters(site)
        sizes = [os.path.getsize(os.path.join(site, "compare", p)) for p in parts]
        print(f"shared-language.json: {len(parts)} parts, {sum(sizes) / 1e6:.2f} MB, the largest {max(sizes) / 1e6:.2f} MB")
        check(max(sizes) <= 1.5e6, f"a part of shared-language.json is {max(sizes)} bytes")
        check(len(parts) >= 2, f"{sum(sizes)} bytes of shared-language.json in one file")
        model = json.loads(sitelib.read(os.path.join(site, "models", "va-copy-00", "model.json")))
        statements = set()
        for section in model["sections"]:
            for block in section["blocks"]:
                stack = list(block.get("items", []))
                while stack:
                    item = stack.pop()
                    statements.add((section["id"], item["id"]))
                    stack.extend(item.get("items", []))
        in_clusters = [frozenset((s["section"], s["id"]) for s in c["statements"]) for c in clusters]
        check(all(len(ids) == 1 for ids in in_clusters), "a cluster mixes different statements of the copies")
        check(all(len(c["statements"]) == copies for c in clusters), "a cluster misses some copies")
        check(len(in_clusters) == len(set(in_clusters)), "a statement is in two clusters")
        covered = {next(iter(ids)) for ids in in_clusters}
        check(covered <= statements, f"clusters name statements the model does not have: {sorted(covered - statements)}")
        print(f"{copies} copies: {len(clusters)} clusters for {len(statements)} statements ({len(statements - covered)} too short to compare)")
        check(len(statements - covered) <= 1, f"statements in no cluster: {sorted(statements - covered)}")
        size = os.path.getsize(os.path.join(site, "compare/shared-language/index.html"))
        print(f"shared-language page: {size / 1e6:.2f} MB")
        check(size < 3e6, f"the shared-language page is {size} bytes")
        # One group (all the copies) heavier than a page: cut into parts on numbered pages, each
        # sentence on one of them, each part listed in the summary with the anchors of its sentences.
        folder = os.path.join(site, "compare", "shared-language")
        numbered = sorted((n for n in os.listdir(folder) if n.isdigit()), key=int)
        check(len(numbered) >= 2, f"{len(numbered)} numbered pages for one group of {copies} models")
        on_pages = collections.Counter()
        for n in numbered:
            text = sitelib.read(os.path.join(folder, n, "index.html"))
            check(len(text.encode()) <= 1.5e6, f"shared-language/{n}/index.html is {len(text.encode())} bytes")
            on_pages.update(re.findall(r'<li class="cluster [^"]*" id="([^"]+)"', text))
            check("sentences, " in text and " here</span>" in text, f"shared-language/{n}: not labelled as a part of its group")
        check(len(on_pages) == len(clusters) and set(on_pages.values()) == {1},
              f"{len(on_pages)} sentences on the numbered pages (some twice: {sorted(k for k, v in on_pages.items() if v > 1)[:3]}), {len(clusters)} clusters")
        summary = sitelib.read(os.path.join(folder, "index.html"))
        parts = re.findall(r'<li>((?:<span id="[^"]+"></span>)*)<a href="([^"]+)">[^<]*\(part (\d+) of (\d+)\)</a>', summary)
        check(len(parts) == len(numbered), f"the summary lists {len(parts)} parts of the group, for {len(numbered)} pages")
        for anchors, href, part, _ in parts:
            page = sitelib.read(os.path.join(folder, href.split("#")[0]))
            for anchor in re.findall(r'id="([^"]+)"', anchors):
                check(f'id="{anchor}"' in page, f"part {part} of the summary carries {anchor}, not on {href}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--content", required=True)
    args = parser.parse_args()
    labelled_pairs(args.binary, args.content)
    many_copies(args.binary, args.content)
    for f in FAILURES:
        print("FAIL:", f)
    print("ok" if not FAILURES else f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
