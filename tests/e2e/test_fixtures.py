"""End-to-end: the fictional models of other shapes in tests/fixtures/content go in with `check --strict`
clean, and every construct shows on its pages in the model's own words (issue 13).

    python3 tests/e2e/test_fixtures.py --binary build/practicebook [--fixtures tests/fixtures/content]
"""
import argparse
import os
import posixpath
import re
import subprocess
import sys
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(__file__))
import sitelib  # noqa: E402
from sitelib import FAILURES, check  # noqa: E402


class _ListItems(HTMLParser):
    """Counts the items of each top-level list of a one-pager's blocks (class "op-list")."""

    def __init__(self):
        super().__init__()
        self.depth, self.counts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag in ("ol", "ul"):
            if self.depth == 0 and "op-list" in (dict(attrs).get("class") or ""):
                self.counts.append(0)
                self.depth = 1
            elif self.depth:
                self.depth += 1
        elif tag == "li" and self.depth == 1:
            self.counts[-1] += 1

    def handle_endtag(self, tag):
        if tag in ("ol", "ul") and self.depth:
            self.depth -= 1


def top_level_items(html):
    parser = _ListItems()
    parser.feed(html)
    return parser.counts

def read(site, path):
    with open(os.path.join(site, path), encoding="utf-8") as f:
        return f.read()


def note_links(site, path, cls):
    """(id, root-relative target) of each footnote link of class `cls` on a page: a reference's own id, or
    for a link back, the id of the note it sits in."""
    html = read(site, path)
    out = []
    if cls == "note-ref":
        for href, ident in re.findall(r'<sup class="note-ref"><a href="([^"]*)" id="([^"]*)"', html):
            out.append((ident, resolve(path, href)))
    else:
        for ident, body in re.findall(r'<li id="(fn-\d+)">(.*?)</li>', html, re.S):
            out += [(ident, resolve(path, href)) for href in re.findall(r'class="note-back" href="([^"]*)"', body)]
    return out


def resolve(page, href):
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0])) + "#" + href.split("#")[1]


def main_of(html):
    m = re.search(r"<main.*?</main>", html, re.S)
    return m.group(0) if m else ""


def run(binary, fixtures):
    proc = subprocess.run([binary, "check", "--content", fixtures, "--strict"], capture_output=True, text=True)
    check(proc.returncode == 0, f"check --strict on the fixtures: exit {proc.returncode}\n{proc.stderr}")
    check("warning" not in proc.stderr, f"check --strict warns: {proc.stderr}")
    proc, site = sitelib.build(binary, fixtures)
    check(proc.returncode == 0, f"build failed: {proc.stderr}")
    if proc.returncode:
        return
    wm = "models/westmark-core-practice-2022/"
    # Roles: the model names roles in its own words, addresses only the roles it has.
    overview = main_of(read(site, wm + "index.html"))
    check(">Caseworkers</a>" in overview, "overview lists the role in the model's words (Caseworkers)")
    check(">Partners</a>" in overview, "partner role named in the model's words")
    check("Area leadership" not in overview and "Youth" not in overview, "no role the model never mentions")
    check("<h1>Caseworker practice behaviors</h1>" in read(site, wm + "roles/worker/index.html"),
          "role page in own words: its role and its word for actions")
    leadership = main_of(read(site, "roles/leadership/index.html"))
    check("Westmark Core Practice Model" in leadership and "Addressed by one model (current editions)" in leadership
          and 'Westmark Core Practice Model (2024)</a> (leadership)</li>' in leadership,
          "the leadership page gathers the model and says which models address it, with which tier")
    worker_page = main_of(read(site, "roles/worker/index.html"))
    check("Addressed by one model (current editions)" in worker_page, "every role page says which models address it")
    # Vocabulary: the model's words, never Arkansas's.
    for path in [wm + "index.html", wm + "roles/worker/index.html", wm + "engagement/index.html",
                 "handouts/westmark-core-practice-2022/self-assessment/worker/index.html",
                 "handouts/westmark-core-practice-2022/roles/worker/index.html",
                 "handouts/westmark-core-practice-2022/sections/engagement/index.html",
                 "models/alder-county-framework/index.html"]:
        text = main_of(read(site, path))
        for word in ["Do I", "CQI", "by value", "This value"]:
            check(word not in text, f"{path}: Arkansas wording '{word}' on another model")
        # The model calls its actions practice behaviors (or principles): no heading, count, label or
        # link text calls them actions.
        said = re.findall(r"[^.<>]{0,30}\bactions?\b[^.<>]{0,30}", re.sub(r"<[^>]+>", " ", text), re.I)
        check(not said, f"{path}: says 'action' where the model has its own word: {said[:3]}")
    check("practice behaviors this model expects" in overview, "the word for actions comes from the model")
    check("<dt>County</dt><dd>Alder County, Westmark</dd>" in read(site, "models/alder-county-framework/index.html"),
          "a county says so, with its state")
    home = main_of(read(site, "index.html"))
    groups = re.findall(r'<h3 id="state-[^"]*">([^<]*)</h3>', home)
    check(groups == ["Westmark"], f"the county is grouped under its state on the home page, got {groups}")
    # Structure: definition, framework, tagline, numbering, markers, table.
    check('<h2 id="framework">Theoretical framework</h2>' in overview, "framework on the overview")
    check('<p class="tagline">Together, every family, every day.</p>' in overview, "closing tagline")
    element = main_of(read(site, wm + "engagement/index.html"))
    check('<h2 id="definition">Definition</h2>' in element and "trusting relationship" in element,
          "the practice element's definition, anchored")
    safety = main_of(read(site, "models/alder-county-framework/safety/index.html"))
    check('<ol class="statements" start="3">' in safety, "numbering continues across groups (start=3)")
    check('type="a"' in safety and 'type="i"' in safety, "lettered and roman sub-points")
    check('id="principles-2-1-1-1"' in safety, "a fourth level of sub-points")
    teaming = main_of(read(site, "models/alder-county-framework/teaming/index.html"))
    check('<ol class="statements" start="5">' in teaming, "a list starts where the document starts")
    check('<table class="content-table">' in teaming and '<th scope="col">Who attends</th>' in teaming
          and "Before any move" in teaming, "a table block with a header row")
    # Footnotes: each reference links to its note on the overview, each note back to every reference.
    fn = "westmark-core-practice-2022"
    refs = note_links(site, wm + "index.html", "note-ref") + note_links(site, wm + "teaming/index.html", "note-ref")
    check((f"fnref-{fn}-1", wm + "index.html#fn-1") in refs, f"the framework's reference links to note 1: {refs}")
    check((f"fnref-{fn}-2", wm + "index.html#fn-2") in refs, f"a section summary's reference links to note 2: {refs}")
    backs = note_links(site, wm + "index.html", "note-back")
    check(("fn-1", wm + f"index.html#fnref-{fn}-1") in backs and ("fn-2", wm + f"teaming/index.html#fnref-{fn}-2") in backs,
          f"each note links back to its reference: {backs}")
    check("Back to Practice element 2" in overview and "Back to Theoretical framework" in overview, "the back links say where")
    alder = "models/alder-county-framework/"
    check(("fnref-alder-county-framework-1", alder + "index.html#fn-1") in note_links(site, alder + "teaming/index.html", "note-ref")
          and ("fn-1", alder + "teaming/index.html#fnref-alder-county-framework-1") in note_links(site, alder + "index.html", "note-back"),
          "a table cell's reference and its note link both ways")
    for page_path in [wm + "index.html", wm + "teaming/index.html", "models/alder-county-framework/teaming/index.html"]:
        ids = sitelib.Page(read(site, page_path)).id_counts
        check(all(n == 1 for n in ids.values()), f"{page_path}: an id repeats: {[i for i, n in ids.items() if n > 1]}")
    # The shared role vocabulary: only roles some model addresses get pages; a broader role gathers its parts.
    check(not os.path.exists(os.path.join(site, "roles/youth/index.html")), "no page for a role no model addresses")
    check("I am a youth" not in home and "I am a leader" in read(site, "index.html"), "home lists the addressed roles")
    check("<h1>What is expected of leadership</h1>" in read(site, "roles/leadership/index.html"),
          "headings read as sentences")
    # One-page handouts keep the definition, the table, the numbering and the sub-point markers.
    one_pager = main_of(read(site, "handouts/westmark-core-practice-2022/sections/engagement/index.html"))
    check('<section class="definition op-definition"><h2>Definition</h2>' in one_pager, "one-pager: the definition")
    alder_safety = main_of(read(site, "handouts/alder-county-framework/sections/safety/index.html"))
    check('<ol class="op-list" start="3"><li>A child in care' in alder_safety,
          "one-pager: numbering that continues from the block before")
    # Sub-points are lists inside their point, with the block's markers: they take no number of the
    # list around them, so the point after them keeps its own.
    check('<li class="op-parent">A safety plan names:<ol class="op-sub" type="a"><li class="op-parent">the people who '
          'keep the child safe;<ol class="op-sub" type="i"><li class="op-parent">at home,<ul class="op-sub"><li>in the day;'
          in alder_safety,
          "one-pager: lettered, roman and bulleted sub-points nested in their point")
    check(top_level_items(alder_safety) == [2, 2],
          "one-pager: each block's list has its two points, the sub-points inside them")
    alder_teaming = main_of(read(site, "handouts/alder-county-framework/sections/teaming/index.html"))
    check('<th scope="col">Who attends</th>' in alder_teaming and "Before any move" in alder_teaming, "one-pager: the table")
    # Rubric scope: a rubric that rates sections gives one row per practice element, for its roles only.
    form = main_of(read(site, "handouts/westmark-core-practice-2022/self-assessment/worker/index.html"))
    check('<th scope="col" class="action-col">Practice element</th>' in form, "form rows are practice elements")
    check(form.count('class="action-cell"') == 2, "one row per practice element")
    check("<span>Coach</span>" in form and "supervisor or coach" not in form, "the rubric's reviewer")
    check(not os.path.exists(os.path.join(site, "handouts/westmark-core-practice-2022/self-assessment/leadership")),
          "no form for a role the rubric does not apply to")
    # Editions: exactly the edits made.
    changes = main_of(read(site, "models/westmark-core-practice-2024/changes/index.html"))
    # The edits made to the 2024 edition (see the YAML diff): one behavior inserted first in Engagement,
    # one reworded, one removed; one moved from the caseworker's to the supervisor's behaviors in Teaming;
    # Engagement's definition and note 2 reworded. The statements after the insertion are not "moved".
    check("1 added, 1 removed, 1 reworded, 1 moved; 2 other changes" in changes,
          "changes page reports exactly the edits: " + (re.search(r"\d+ added[^<.]*", changes) or [""])[0])
    check("Practice element 1: definition" in changes, "a reworded definition is reported")
    check("Note 2" in changes and "since 2019" in changes, "a reworded footnote is reported")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--content", help="ignored: the fixtures have their own content")
    parser.add_argument("--fixtures", default=os.path.join(os.path.dirname(__file__), "..", "fixtures", "content"))
    args = parser.parse_args()
    run(args.binary, args.fixtures)
    for f in FAILURES:
        print("FAIL:", f)
    print(f"test_fixtures: {len(FAILURES)} failures")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
