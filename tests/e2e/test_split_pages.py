"""End-to-end: comparison pages of a national site split by state (issue 17).

A synthetic corpus (bench/corpus.py) of 230 models in 50 states, one of them county-administered
(100 county models under "State 00": a state too large for one page), built with the real binary. Checks the topic pages, the
compare matrix, shared language and the topic sheets: no page over 1.5 MB, each summary links every
page of every state, each model on exactly one state page of a split page, pages of results that link
each other, and every link of these pages leading to a page (and anchor) that exists. Then 450 small
models of short statements, and 30 (check_small_models): no page over 1 MB nor wider than 20 models.

    python3 tests/e2e/test_split_pages.py --binary build/practicebook
"""
import argparse
import collections
import glob
import html
import os
import re
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
import sitelib  # noqa: E402
from sitelib import FAILURES, check  # noqa: E402
from corpus import make_corpus as bench_corpus  # noqa: E402

MAX_BYTES = 1_500_000
MAX_COLUMNS = 20  # models side by side on a topic's page or a state's topic × model matrix


def make_corpus(folder):
    content = bench_corpus(folder, 230)
    # Models 130–229 become counties of State 00: a state too large for one page of results.
    for n in range(130, 230):
        path = os.path.join(content, "models", f"model-{n:04d}", "model.yaml")
        text = sitelib.read(path)
        text = re.sub(r"(?m)^jurisdiction:.*$", f"jurisdiction: County {n:03d}\nstate: State 00", text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return content


def check_small_models(binary, tmp):
    """Many small models of short statements (the fixture models in turn, one edition of each pair
    superseding the other): weighed by their text alone, 450 of them made role pages of three times
    their weight and topic pages of 300 models side by side; 30 of them, light enough for one page,
    still made topic pages of 30 columns. Every page stays under 1 MB and shows at most MAX_COLUMNS
    models side by side (a model with nothing on the topic is a column too); every edition pair has
    its page of changes."""
    checked = 0
    for models, states in [(450, 5), (30, 3)]:
        content = bench_corpus(os.path.join(tmp, f"small-{models}"), models, states=states,
                               source=os.path.join(HERE, "..", "fixtures", "content"))
        proc, site = sitelib.build(binary, content)
        if proc.returncode != 0:
            sys.exit(f"build of {models} small models failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
        what = f"{models} small models"
        pages = [rel(site, p) for p in glob.glob(os.path.join(site, "**", "*.html"), recursive=True)]
        for r in pages:
            size = os.path.getsize(os.path.join(site, r))
            check(size <= 1_000_000, f"{what}: {r} is {size} bytes, over 1 MB")
            if r.startswith("compare/"):
                text = sitelib.read(os.path.join(site, r))
                side_by_side = set(re.findall(r'class="(?:column )?col-([a-z0-9-]+)"', text))
                check(len(side_by_side) <= MAX_COLUMNS, f"{what}: {r} has {len(side_by_side)} models side by side")
                if re.fullmatch(r"compare/topics/[a-z0-9-]+/states/[a-z0-9-]+/index.html", r):
                    # A state whose models say nothing on the topic says so, rather than showing an empty page.
                    said = "statement-ref" in text
                    check(said == ("No model of" not in text), f"{what}: {r} has statements: {said}, but says otherwise")
        changes = [r for r in pages if re.fullmatch(r"models/[a-z0-9-]+/changes/index.html", r)]
        check(len(changes) == models // 3, f"{what}: {len(changes)} pages of changes, not {models // 3} (one per edition pair)")
        if models > 100:
            check(any(r.startswith("roles/supervisor/states/") for r in pages), f"{what}: the supervisor's page is not split by state")
        shutil.rmtree(os.path.dirname(site), ignore_errors=True)
        checked += len(pages)
    return checked


def rel(site, path):
    return os.path.relpath(path, site).replace(os.sep, "/")


def state_pages(site, folder):
    """The state pages under a split page's folder, by state slug, each state's pages in order."""
    by_state = collections.defaultdict(list)
    for path in glob.glob(os.path.join(site, folder, "states", "**", "index.html"), recursive=True):
        r = rel(site, path)
        slug = r[len(folder) + len("/states/"):].split("/")[0]
        by_state[slug].append(r)
    for pages in by_state.values():
        pages.sort(key=lambda r: (r.count("/"), r))  # states/<slug>/index.html, then …/2/, …/3/
    return by_state


def hrefs(site, page):
    """A page's links, read with a pattern (the pages are large; parsing them all is slow)."""
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"', sitelib.read(os.path.join(site, page)))]


def title_of(site, page):
    return html.unescape(re.search(r"<title>(.*?)</title>", sitelib.read(os.path.join(site, page))).group(1))


def links_of(cache, page):
    return {t[0] for t in (sitelib.resolve(page, href) for href in hrefs(cache.site, page)) if t}


def check_summary(cache, summary, by_state, what):
    linked = links_of(cache, summary)
    for slug, pages in by_state.items():
        for p in pages:
            check(p in linked, f"{what}: the summary {summary} does not link {p}")


def check_pager(cache, pages, what):
    """Pages of results: each links every other, with rel=prev/next between neighbours."""
    for i, p in enumerate(pages):
        text = sitelib.read(os.path.join(cache.site, p))
        linked = links_of(cache, p)
        for other in pages:
            check(other == p or other in linked, f"{what}: {p} does not link {other}")
        check(f"Page {i + 1} of {len(pages)}" in text, f"{what}: {p} does not say Page {i + 1} of {len(pages)}")
        check(i == 0 or 'rel="prev"' in text, f"{what}: {p} has no rel=prev link")
        check(i + 1 == len(pages) or 'rel="next"' in text, f"{what}: {p} has no rel=next link")
        check('aria-label="Pages"' in text, f"{what}: {p} has no <nav aria-label=\"Pages\">")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--content", help="unused: the test writes its own corpus")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="pb-split-")
    content = make_corpus(tmp)
    proc, site = sitelib.build(args.binary, content)
    if proc.returncode != 0:
        sys.exit(f"build failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    cache = sitelib.PageCache(site)
    model_ids = sorted(os.listdir(os.path.join(content, "models")))
    topics = sorted(os.listdir(os.path.join(site, "compare", "topics")))

    # Size: every page these views write, and shared-language.json's parts.
    mine = [rel(site, p) for p in glob.glob(os.path.join(site, "compare", "**", "*.html"), recursive=True)]
    mine += [rel(site, p) for p in glob.glob(os.path.join(site, "handouts", "compare", "**", "*.html"), recursive=True)]
    clusters, json_parts = sitelib.shared_language_clusters(site)
    for r in mine + ["compare/" + p for p in json_parts]:
        size = os.path.getsize(os.path.join(site, r))
        check(size <= MAX_BYTES, f"{r} is {size} bytes, over {MAX_BYTES}")

    # Topic pages: a summary, a page per state, State 00 (53 models) on numbered pages.
    paged = split_topics = 0
    for topic in topics:
        folder = f"compare/topics/{topic}"
        by_state = state_pages(site, folder)
        if not by_state:  # a topic few statements speak to stays whole (its size is checked above)
            continue
        split_topics += 1
        check(len(by_state) == 50, f"{folder}: {len(by_state)} state folders, not 50")
        check_summary(cache, f"{folder}/index.html", by_state, folder)
        seen = collections.Counter()
        for slug, pages in by_state.items():
            for p in pages:
                columns = re.findall(r'<section class="column col-[^"]*" id="([^"]+)"', sitelib.read(os.path.join(site, p)))
                check(len(columns) <= MAX_COLUMNS, f"{p}: {len(columns)} models side by side, over {MAX_COLUMNS}")
                seen.update(columns)
                check(title_of(site, p).startswith(title_of(site, f"{folder}/index.html").split(" ·")[0]),
                      f"{p}: the title does not name the topic")
            if len(pages) > 1:
                paged += 1
                check_pager(cache, pages, folder)
        for i in model_ids:
            check(seen[i] == 1, f"{folder}: model {i} is on {seen[i]} state pages, not one")
        check("State 00" in title_of(site, by_state["state-00"][0]), f"{folder}: the page of State 00 does not name it")
    check(split_topics >= len(topics) // 2, f"only {split_topics} of {len(topics)} topic pages are split by state")
    check(paged > 0, "no topic has a state on numbered pages (State 00 has 103 models)")

    # The compare matrix: a topic × state matrix, a topic × model matrix per state.
    by_state = state_pages(site, "compare")
    check(len(by_state) == 50, f"compare/states: {len(by_state)} state folders, not 50")
    check_summary(cache, "compare/index.html", by_state, "compare")
    seen = collections.Counter()
    for pages in by_state.values():
        for p in pages:
            on_page = [i for i in model_ids if f"models/{i}/index.html" in links_of(cache, p)]
            check(len(on_page) <= MAX_COLUMNS, f"{p}: {len(on_page)} models side by side, over {MAX_COLUMNS}")
            seen.update(on_page)
    for i in model_ids:
        check(seen[i] == 1, f"compare/states: model {i} is on {seen[i]} state pages, not one")

    # Shared language: a summary and numbered pages; every cluster on one page, every page linked.
    numbered = sorted((rel(site, p) for p in glob.glob(os.path.join(site, "compare/shared-language/*/index.html"))),
                      key=lambda r: int(r.split("/")[2]))
    check(len(numbered) >= 2, f"shared language: {len(numbered)} pages of results, expected at least 2")
    check_summary(cache, "compare/shared-language/index.html", {"pages": numbered}, "shared language")
    check_pager(cache, numbered, "shared language")
    cluster_ids = collections.Counter()
    for p in numbered:
        cluster_ids.update(re.findall(r'<li class="cluster [^"]*" id="([^"]+)"', sitelib.read(os.path.join(site, p))))
    check(len(cluster_ids) == len(clusters), f"shared language: {len(cluster_ids)} clusters on the pages, {len(clusters)} in the JSON")
    check(all(n == 1 for n in cluster_ids.values()), "shared language: a cluster is on more than one page")
    summary_ids = cache["compare/shared-language/index.html"].ids
    check(set(cluster_ids) <= summary_ids, "shared language: the summary lacks the anchor of some sentence")

    # Frameworks: the gaps by model become a table of states; each current model on one state page,
    # linking its own page of the framework.
    frameworks = [f for f in sorted(os.listdir(os.path.join(site, "compare", "frameworks")))
                  if os.path.isdir(os.path.join(site, "compare", "frameworks", f))]
    check(bool(frameworks), "no framework pages")
    for fw in frameworks:
        folder = f"compare/frameworks/{fw}"
        by_state = state_pages(site, folder)
        check(len(by_state) == 50, f"{folder}: {len(by_state)} state pages of gaps, not 50")
        check_summary(cache, f"{folder}/index.html", by_state, folder)
        check("Gaps by state" in sitelib.read(os.path.join(site, folder, "index.html")), f"{folder}: no table of gaps by state")
        seen = collections.Counter()
        for pages in by_state.values():
            for p in pages:
                seen.update(i for i in model_ids if f"{folder}/{i}/index.html" in links_of(cache, p))
        for i in model_ids:
            check(seen[i] == 1, f"{folder}: model {i} is on {seen[i]} state pages of gaps, not one")

    # Topic sheets: the sheet lists its states' sheets; every current model on one of them.
    for topic in topics:
        folder = f"handouts/compare/{topic}"
        by_state = state_pages(site, folder)
        if not by_state:
            continue
        check(len(by_state) == 50, f"{folder}: {len(by_state)} state sheets, not 50")
        check_summary(cache, f"{folder}/index.html", by_state, folder)
        groups = sum(sitelib.read(os.path.join(site, p)).count('<section class="handout-group') for ps in by_state.values() for p in ps)
        check(groups == len(model_ids), f"{folder}: {groups} models on the state sheets, not {len(model_ids)}")
    # The handouts index lists each topic's sheet; each state's page of it lists that state's sheets (so
    # a site of hundreds of states does not list every sheet on one page).
    index_links = links_of(cache, "handouts/index.html")
    check("handouts/compare/safety/index.html" in index_links, "the handouts index does not list the topic sheets")
    check("handouts/compare/safety/states/state-01/index.html" not in index_links, "the handouts index lists every state's sheets")
    check("handouts/compare/safety/states/state-01/index.html" in links_of(cache, "handouts/states/state-01/index.html"),
          "the handouts index's page of a state does not list its topic sheets")

    # Every link of the split pages leads to a file, and within compare/ to an anchor that exists (a
    # model's column on a topic's state page was checked above).
    sitemap = sitelib.read(os.path.join(site, "sitemap.xml"))
    # (The pages of two states, one of them on numbered pages, stand for the rest.)
    for page in [p for p in mine if re.search(r"/states/state-0[01]/|shared-language/\d+/", p)] + \
            ["compare/index.html", "compare/shared-language/index.html"] + [f"compare/topics/{t}/index.html" for t in topics]:
        check(page in sitemap or page.replace("index.html", "") in sitemap, f"the sitemap does not list {page}")
        for href in set(hrefs(site, page)):
            target = sitelib.resolve(page, href)
            if not target:
                continue
            path, fragment = target
            if not os.path.exists(os.path.join(site, path)):
                check(False, f"{page}: link {href} leads nowhere")
            elif fragment and path.endswith(".html") and path.startswith("compare/") and "/states/" not in path:
                check(fragment in cache[path].ids, f"{page}: link {href} has no anchor #{fragment}")

    shutil.rmtree(os.path.dirname(site), ignore_errors=True)
    small_pages = check_small_models(args.binary, tmp)
    shutil.rmtree(tmp, ignore_errors=True)
    if FAILURES:
        print("\n".join(FAILURES[:40]))
        print(f"{len(FAILURES)} failures")
        sys.exit(1)
    print(f"ok: {split_topics} of {len(topics)} topics split by state, {paged} with numbered pages, {len(numbered)} pages of shared language, {len(mine)} pages checked; "
          f"small models: {small_pages} pages checked")


if __name__ == "__main__":
    main()
