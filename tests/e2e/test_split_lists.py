"""End-to-end: the role, term and handouts pages at national scale (issue 17).

Builds a corpus of 140 models from bench/site_bench.py (50 states), 70 of them made the counties of one
state, and checks the pages that list every model: the role across models, a glossary term's uses and
the handouts index.

- No HTML file is over 1.5 MB (but the comparison pages, which e2e_split_pages checks).
- Each split page's summary links every page of its states; each state page links back to it.
- Every model is on exactly one state page of each split page.
- A state over the budget (the county state) has numbered pages of results that link each other.
- One model larger than a page on its own (the seed content and a manual of 6,000 statements): the
  role across models, the term's uses, the topic's comparison and its sheet stay under 1.5 MB, each of
  the manual's statements on exactly one of its state's pages, in order; its own role page, its
  checklist and its page against the CFSR continue on numbered pages, each action once, in order.
- 300 models each its own jurisdiction: no page over 1.5 MB, the topic × state matrix on five pages.
- A national vocabulary (500 more topics, 2,500 more glossary terms): no file but PDFs over 1.5 MB, the
  glossary page linking every term.

    python3 tests/e2e/test_split_lists.py --binary build/practicebook
"""
import argparse
import collections
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import sitelib  # noqa: E402
from sitelib import FAILURES, check  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODELS, COUNTIES = 140, 70
MAX_PAGE = 1_500_000


def bench_corpus(folder, *options):
    """bench/site_bench.py's corpus written to folder/content, with `options` (--models N, --states N)."""
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "site_bench.py"), "--corpus-only", folder, *options],
                   check=True, capture_output=True)
    return os.path.join(folder, "content")


def build_or_exit(binary, content, what):
    """The site built from `content`, quietly; the test stops with its errors when it does not build."""
    proc, site = sitelib.build(binary, content, extra=("--quiet",))
    if proc.returncode != 0:
        print(proc.stderr)
        sys.exit(f"{what} does not build")
    return site


def make_corpus(folder):
    """The bench corpus, its first COUNTIES models made the counties of one state ("Westmark"), and the
    statements of each model's first section speaking of kinship (a term then used in 140 models)."""
    content = bench_corpus(folder, "--models", str(MODELS))
    for n in range(COUNTIES):
        path = os.path.join(content, "models", f"model-{n:04d}", "model.yaml")
        text = sitelib.read(path)
        text = re.sub(r"(?m)^jurisdiction:.*$", f"jurisdiction: County {n:02d}\nstate: Westmark", text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    for n in range(MODELS):
        path = os.path.join(content, "models", f"model-{n:04d}", "sections", "01-relationships.yaml")
        text = re.sub(r"(?m)^(\s*(?:- )?text: )(.*)$", lambda m: m.group(1) + m.group(2) + " Think of kinship.", sitelib.read(path))
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return content


def state_pages(site, split_page):
    """The pages of a split page's states: {state slug: [page 1, page 2, …]} (site-relative paths)."""
    folder = os.path.join(site, os.path.dirname(split_page), "states")
    states = {}
    if not os.path.isdir(folder):
        check(False, f"{split_page} is not split by state")
        return states
    for slug in sorted(os.listdir(folder)):
        pages = [f"{os.path.dirname(split_page)}/states/{slug}/index.html"]
        numbers = sorted(int(n) for n in os.listdir(os.path.join(folder, slug)) if n.isdigit())
        check(numbers == list(range(2, len(numbers) + 2)), f"{split_page}: {slug}'s pages are numbered 2, 3, …: {numbers}")
        pages += [f"{os.path.dirname(split_page)}/states/{slug}/{n}/index.html" for n in numbers]
        states[slug] = pages
    return states


def numbered_pages(site, folder):
    """A page continued on numbered pages: folder/index.html, then folder/2/index.html, … while they exist."""
    pages = [f"{folder}/index.html"]
    while os.path.exists(os.path.join(site, folder, str(len(pages) + 1), "index.html")):
        pages.append(f"{folder}/{len(pages) + 1}/index.html")
    return pages


def links_of(pages, relative):
    """The site-relative files a page links (fragments dropped)."""
    out = set()
    for href in pages[relative].links:
        target = sitelib.resolve(relative, href)
        if target:
            out.add(target[0])
    return out


def check_split_page(site, pages, split_page, model_anchor, expected_models):
    """The summary links every state page, each state page links back, each model is on exactly one
    state page (found by its anchor: `model_anchor` turns an id of the page into a model id or None)."""
    states = state_pages(site, split_page)
    expected_states = len({n % 50 for n in range(COUNTIES, MODELS)}) + 1  # the bench's "State nn" and Westmark
    check(len(states) == expected_states, f"{split_page}: {expected_states} states expected, got {len(states)}")
    summary_links = links_of(pages, split_page)
    seen = collections.Counter()
    for slug, numbered in states.items():
        check(numbered[0] in summary_links, f"{split_page} does not link {numbered[0]}")
        for i, relative in enumerate(numbered):
            page = pages[relative]
            here = links_of(pages, relative)
            check(split_page in here, f"{relative} does not link back to {split_page}")
            for target in here:
                if not target.endswith(".html") or target.startswith(".."):
                    continue
                check(os.path.exists(os.path.join(site, target)), f"{relative} links a missing page {target}")
            for element_id in page.ids:
                model = model_anchor(element_id)
                if model:
                    seen[model] += 1
            if len(numbered) > 1:
                # Pages of results: "Page i of n", every page linked, rel=prev/next to the neighbours.
                raw = sitelib.read(os.path.join(site, relative))
                check(f"Page {i + 1} of {len(numbered)}" in page.text, f"{relative}: no 'Page {i + 1} of {len(numbered)}'")
                check('<nav class="results-pager" aria-label="Pages">' in raw, f"{relative}: no page navigation")
                check(all(other in here for other in numbered if other != relative), f"{relative}: does not link all its pages")
                prev = re.search(r'<a href="([^"]+)" rel="prev"', raw)
                nxt = re.search(r'<a href="([^"]+)" rel="next"', raw)
                check((prev is not None) == (i > 0), f"{relative}: rel=prev on page {i + 1}")
                check((nxt is not None) == (i + 1 < len(numbered)), f"{relative}: rel=next on page {i + 1}")
                if prev:
                    check(sitelib.resolve(relative, prev.group(1))[0] == numbered[i - 1], f"{relative}: rel=prev leads elsewhere")
                if nxt:
                    check(sitelib.resolve(relative, nxt.group(1))[0] == numbered[i + 1], f"{relative}: rel=next leads elsewhere")
    missing = sorted(m for m in expected_models if seen[m] == 0)
    twice = sorted(m for m, n in seen.items() if n > 1)
    check(not missing, f"{split_page}: models on no state page: {missing[:5]}")
    check(not twice, f"{split_page}: models on more than one state page: {twice[:5]}")
    return states


LARGE = 6000  # statements of the large manual: half a worker's actions, all on one topic, each naming a term


def large_model_corpus(folder):
    """The seed content and a manual of LARGE statements of about 300 characters in 12 sections, state
    "Lakeland": every statement numbered ("step N"), on the topic "safety", naming "aftercare plan"."""
    content = os.path.join(folder, "content")
    shutil.copytree(os.path.join(ROOT, "content"), content)
    words = sorted(set(re.findall(r"[a-z]{4,}", sitelib.read(os.path.join(ROOT, "content", "glossary.yaml")).lower())))
    rng = random.Random(17)
    manual = os.path.join(content, "models", "lakeland-manual")
    os.makedirs(os.path.join(manual, "sections"))
    with open(os.path.join(manual, "model.yaml"), "w", encoding="utf-8") as f:
        f.write("title: Lakeland practice manual\njurisdiction: Lakeland\nagency: Lakeland Children's Bureau\n")
    per, n = LARGE // 12, 0
    for s in range(12):
        lines = [f"id: part-{s + 1}", f"title: Part {s + 1}", "blocks:"]
        for kind, prompt in (("principles", "We hold to"), ("actions", "Do I keep to")):
            lines += [f"  - kind: {kind}"] + (["    role: worker"] if kind == "actions" else []) + ["    items:"]
            for _ in range(per // 2):
                n += 1
                text = " ".join(rng.choice(words) for _ in range(36))
                lines += [f"      - text: {prompt} step {n} of the aftercare plan, {text}.", "        topics: [safety]"]
        with open(os.path.join(manual, "sections", f"{s + 1:02d}-part-{s + 1}.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    return content


def check_large_model(binary):
    folder = tempfile.mkdtemp(prefix="pb-split-large-")
    site = build_or_exit(binary, large_model_corpus(folder), "the corpus with a large manual")
    # The pages that list the manual's statements across its sections: those across models, and its own
    # page of the worker's actions, its checklist and its page against the framework (its sections stay whole).
    cross_model = ("roles/", "glossary/", "compare/topics/", "handouts/", "models/lakeland-manual/roles/", "compare/frameworks/")
    largest = max((os.path.getsize(full), relative) for relative, full in sitelib.all_html(site) if relative.startswith(cross_model))
    check(largest[0] <= MAX_PAGE, f"large manual: {largest[1]} is {largest[0]} bytes, over {MAX_PAGE}")
    per = LARGE // 12  # in each section, the first half are principles and the second half a worker's actions
    every_action = [s * per + a for s in range(12) for a in range(per // 2 + 1, per + 1)]
    every_statement = list(range(1, LARGE + 1))
    for page, expected in (("roles/worker/index.html", every_action),
                           ("glossary/aftercare-plan/index.html", every_statement),
                           ("compare/topics/safety/index.html", every_statement),
                           ("handouts/compare/safety/index.html", every_statement)):
        numbered = state_pages(site, page).get("lakeland", [])
        check(len(numbered) >= 2, f"large manual: {page} has {len(numbered)} pages for Lakeland, expected several")
        found = []
        for relative in numbered:
            found += [int(n) for n in re.findall(r"(?:We hold to|Do I keep to) step (\d+) of", sitelib.read(os.path.join(site, relative)))]
        check(found == expected, f"large manual: {page}: its statements are not each on one Lakeland page, in order "
                                 f"({len(found)} found, {len(set(found))} distinct, {len(expected)} expected)")
    for own, what in (("models/lakeland-manual/roles/worker", "role page"), ("handouts/lakeland-manual/roles/worker", "checklist")):
        pages = numbered_pages(site, own)
        found = [int(n) for p in pages for n in re.findall(r"Do I keep to step (\d+) of", sitelib.read(os.path.join(site, p)))]
        check(len(pages) >= 2 and found == every_action,
              f"large manual: its {what}: {len(pages)} pages, {len(found)} actions, in order: {found == every_action}")
    framework_pages = numbered_pages(site, "compare/frameworks/cfsr/lakeland-manual")
    check(len(framework_pages) >= 2, f"large manual: its page against the CFSR is {len(framework_pages)} page(s)")
    print(f"large manual: {len(framework_pages)} pages against the CFSR; largest cross-model page {largest[1]} ({largest[0]} bytes); "
          f"Lakeland's worker pages: {len(state_pages(site, 'roles/worker/index.html').get('lakeland', []))}")
    shutil.rmtree(folder)
    shutil.rmtree(os.path.dirname(site))


def check_many_jurisdictions(binary):
    """300 models, each its own jurisdiction (counties or tribes that name no state): the summaries that
    list every state stay under 1.5 MB, the topic × state matrix on numbered pages of at most 60 states."""
    folder = tempfile.mkdtemp(prefix="pb-split-many-")
    site = build_or_exit(binary, bench_corpus(folder, "--models", "300", "--states", "300"), "the corpus of 300 jurisdictions")
    largest = max((os.path.getsize(full), relative) for relative, full in sitelib.all_html(site))
    check(largest[0] <= MAX_PAGE, f"300 jurisdictions: {largest[1]} is {largest[0]} bytes, over {MAX_PAGE}")
    pages = sitelib.PageCache(site)
    matrix = numbered_pages(site, "compare")
    check(len(matrix) == 5, f"300 jurisdictions: the topic × state matrix is on {len(matrix)} pages, not 5 of 60 states")
    check("compare/2/index.html" in links_of(pages, "compare/index.html"), "compare/index.html does not link its page 2")
    print(f"300 jurisdictions: largest page {largest[1]} ({largest[0]} bytes); the matrix on {len(matrix)} pages")
    shutil.rmtree(folder)
    shutil.rmtree(os.path.dirname(site))


def national_vocabulary_corpus(folder, topics=500, terms=2500):
    """100 models in ten states with a national taxonomy of `topics` more topics (each statement given
    one of them too) and a glossary of `terms` more terms, each defined in about 500 characters."""
    content = bench_corpus(folder, "--models", "100", "--states", "10")
    rng = random.Random(17)
    with open(os.path.join(content, "topics.yaml"), "a", encoding="utf-8") as f:
        for i in range(topics):
            f.write(f"  - id: area-{i}\n    title: Practice area {i} of the national taxonomy\n"
                    f"    description: What the states say about practice area {i}.\n")
    words = ["kin", "placement", "court", "review", "safety", "network", "plan", "visit", "youth", "school"]
    with open(os.path.join(content, "glossary.yaml"), "a", encoding="utf-8") as f:
        for i in range(terms):
            definition = " ".join(rng.choice(words) for _ in range(80))
            f.write(f"  - id: national-{i}\n    term: national term {i}\n    definition: Meaning {i}, {definition}.\n")
    for root, _, files in os.walk(os.path.join(content, "models")):
        for name in files:
            if root.endswith("sections"):
                path = os.path.join(root, name)
                text = re.sub(r"topics: \[([^\]]*)\]", lambda m: f"topics: [{m.group(1)}, area-{rng.randrange(topics)}]", sitelib.read(path))
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    return content


def check_national_vocabulary(binary):
    """500 more topics and 2,500 more glossary terms: no file but PDFs over 1.5 MB (the topic × model
    matrix of a state, the topic × state matrix, the glossary page, the search shards), the glossary
    page linking every term."""
    folder = tempfile.mkdtemp(prefix="pb-split-vocabulary-")
    site = build_or_exit(binary, national_vocabulary_corpus(folder), "the corpus with a national vocabulary")
    sizes = [(os.path.getsize(os.path.join(d, name)), os.path.relpath(os.path.join(d, name), site))
             for d, _, files in os.walk(site) for name in files if not name.endswith(".pdf")]
    largest = max(sizes)
    for size, relative in sorted(sizes, reverse=True)[:5]:
        check(size <= MAX_PAGE, f"national vocabulary: {relative} is {size} bytes, over {MAX_PAGE}")
    glossary = sitelib.read(os.path.join(site, "glossary", "index.html"))
    linked = len(set(re.findall(r'href="\.\./glossary/(national-\d+)/', glossary)))
    check(linked == 2500, f"national vocabulary: the glossary page links {linked} of the 2500 national terms")
    # The topic × state summary is cut by rows of topics: every page keeps the ten states side by side,
    # and each topic is a row of one page.
    summary = numbered_pages(site, "compare")
    topic_rows = []
    for relative in summary:
        html = sitelib.read(os.path.join(site, relative))
        states = set(re.findall(r'<th scope="col"><a href="[^"]*/compare/states/([a-z0-9-]+)/index\.html">', html))
        check(len(states) == 10, f"national vocabulary: {relative} shows {len(states)} of the 10 states")
        topic_rows += re.findall(r'<th scope="row"><a href="[^"]*/compare/topics/([a-z0-9-]+)/index\.html">', html)
    check(len(summary) > 1 and len(topic_rows) == 518 and len(set(topic_rows)) == 518,
          f"national vocabulary: the summary's {len(summary)} pages have {len(topic_rows)} rows of topics "
          f"({len(set(topic_rows))} different), not each of the 518 topics once")
    # So is each state's topic × model matrix: its ten models side by side on each page.
    state = sorted(os.listdir(os.path.join(site, "compare", "states")))[0]
    state_pages = numbered_pages(site, f"compare/states/{state}")
    state_rows = []
    for relative in state_pages:
        html = sitelib.read(os.path.join(site, relative))
        columns = html.count('<th scope="col"><span class="th-state">')
        check(columns == 10, f"national vocabulary: {relative} shows {columns} of its state's 10 models")
        state_rows += re.findall(r'<th scope="row"><a href="[^"]*/compare/topics/([a-z0-9-]+)/index\.html">', html)
    check(len(state_pages) > 1 and sorted(state_rows) == sorted(set(topic_rows)),
          f"national vocabulary: compare/states/{state}/'s {len(state_pages)} pages have {len(state_rows)} rows of topics, "
          f"not each of the 518 topics once")
    # Each page of both lists every topic, linking its row on its page.
    pages = sitelib.PageCache(site)
    for relative in summary + state_pages:
        html = sitelib.read(os.path.join(site, relative))
        index = html[html.find('<details class="topic-index">'):html.find("</details>")]
        links = [sitelib.resolve(relative, href) for href in re.findall(r'href="([^"]+#topic-[a-z0-9-]+)"', index)]
        missing = [f"{target}#{anchor}" for target, anchor in links if anchor not in pages[target].ids]
        check(len(links) == 518 and not missing,
              f"national vocabulary: {relative} lists {len(links)} topics; rows not found: {missing[:3]}")
    print(f"national vocabulary: largest file {largest[1]} ({largest[0]} bytes); the summary on "
          f"{len(summary)} pages, {state}'s matrix on {len(state_pages)}")
    shutil.rmtree(folder)
    shutil.rmtree(os.path.dirname(site))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="pb-split-")
    site = build_or_exit(args.binary, make_corpus(folder), "the corpus")

    # The comparison pages (compare/, handouts/compare/) are split by their own planners and checked
    # by e2e_split_pages; here every other page.
    largest = max((os.path.getsize(full), relative) for relative, full in sitelib.all_html(site)
                  if not relative.startswith(("compare/", "handouts/compare/")))
    check(largest[0] <= MAX_PAGE, f"{largest[1]} is {largest[0]} bytes, over {MAX_PAGE}")

    models = {f"model-{n:04d}" for n in range(MODELS)}
    pages = sitelib.PageCache(site)
    is_model = lambda element_id: element_id if element_id in models else None  # noqa: E731
    split = {}
    for role in ("worker", "leadership"):
        split[role] = check_split_page(site, pages, f"roles/{role}/index.html", is_model, models)
    check(len(split["worker"].get("westmark", [])) >= 2, "the county state's worker page is split into pages of results")
    # The summary links each model's own page of the role's actions.
    check("models/model-0100/roles/worker/index.html" in links_of(pages, "roles/worker/index.html"),
          "roles/worker/ does not link models/model-0100/roles/worker/")

    # The term every model uses: its uses split by state.
    check_split_page(site, pages, "glossary/kinship/index.html", is_model, models)

    handout_model = lambda i: i[len("handouts-"):] if i.startswith("handouts-model-") else None  # noqa: E731
    check_split_page(site, pages, "handouts/index.html", handout_model, models)
    check("handouts-compare" in pages["handouts/index.html"].ids, "handouts/ no longer lists the topic sheets")
    overview = "models/model-0103/index.html"
    check(any("handouts/states/state-03/index.html#handouts-model-0103" in link for link in pages[overview].links),
          f"{overview} does not link its handouts on its state's page")

    check_large_model(args.binary)
    check_many_jurisdictions(args.binary)
    check_national_vocabulary(args.binary)

    sitemap = sitelib.read(os.path.join(site, "sitemap.xml"))
    check("roles/worker/states/westmark/2/</loc>" in sitemap, "the sitemap lists the pages of results")

    print(f"largest page: {largest[1]} ({largest[0]} bytes); worker role: {len(split['worker'])} states, "
          f"Westmark in {len(split['worker'].get('westmark', []))} pages")
    shutil.rmtree(folder)
    shutil.rmtree(os.path.dirname(site))
    for failure in FAILURES:
        print("FAIL:", failure)
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
