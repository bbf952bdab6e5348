"""Helpers for the end-to-end tests: build the site with the real binary and read its pages."""
import atexit
import collections
import html
import html.parser
import json
import os
import re
import shutil
import subprocess
import tempfile
import urllib.parse

# What a test found wrong: every expectation is checked, and the test reports them all at the end.
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)


def build(binary, content, out=None, extra=()):
    """Runs `practicebook build`; returns (completed process, output folder)."""
    if out is None:
        tmp = tempfile.mkdtemp(prefix="pb-e2e-")
        atexit.register(shutil.rmtree, tmp, True)  # the test reads the site until it ends
        out = os.path.join(tmp, "site")
    # --no-pdf: these tests read the pages; printing every handout with Chromium takes a minute.
    proc = subprocess.run([binary, "build", "--no-pdf", "--content", content, "--out", out, *extra],
                          capture_output=True, text=True, timeout=120)
    return proc, out


BLOCK_TAGS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "footer", "h1", "h2",
              "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "section", "table", "td",
              "th", "tr", "ul", "title"}


class Page(html.parser.HTMLParser):
    """Links, ids and visible text of one HTML page (block elements separate words, inline ones do not)."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.links, self.ids, self.chunks, self.stack = [], set(), [], []
        self.id_counts = collections.Counter()  # how often each id occurs: more than once is a bug
        self.title = ""
        self._in_title = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
            self.id_counts[a["id"]] += 1
        for key in ("href", "src"):
            if key in a and a[key] is not None:
                self.links.append(a[key])
        if tag == "title":
            self._in_title = True
        if tag in BLOCK_TAGS:
            self.chunks.append(" ")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in BLOCK_TAGS:
            self.chunks.append(" ")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        self.chunks.append(data)

    @property
    def text(self):
        return re.sub(r"\s+", " ", "".join(self.chunks)).strip()


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def shared_language_clusters(site):
    """Every cluster of compare/shared-language.json, following its parts ("next") on a large site.
    Checks each part's number, count and neighbours as it goes; returns (clusters, part files)."""
    folder = os.path.join(site, "compare")
    name, files, clusters, parts = "shared-language.json", [], [], None
    while name:
        check(name not in files and len(files) < 10000, f"shared-language parts loop back at {name}")
        if name in files or len(files) >= 10000:
            break
        data = json.loads(read(os.path.join(folder, name)))
        previous = files[-1] if files else None
        files.append(name)
        clusters += data["clusters"]
        if "parts" in data or previous:
            parts = parts or data.get("parts")
            check(data.get("part") == len(files), f"{name} says it is part {data.get('part')}, not {len(files)}")
            check(data.get("parts") == parts, f"{name} says {data.get('parts')} parts, the first {parts}")
            check(data.get("previous") == previous, f"{name} names {data.get('previous')} before it, not {previous}")
        name = data.get("next")
    check(parts is None or parts == len(files), f"shared-language.json: {parts} parts announced, {len(files)} found")
    return clusters, files


def page(site, relative):
    return Page(read(os.path.join(site, relative)))


class PageCache:
    """Each page of a site parsed once, on first use: `cache[relative_path]`."""

    def __init__(self, site):
        self.site, self.pages = site, {}

    def __getitem__(self, relative):
        if relative not in self.pages:  # not setdefault: its default would parse the page every time
            self.pages[relative] = page(self.site, relative)
        return self.pages[relative]


def all_html(site):
    for root, _, files in os.walk(site):
        for name in sorted(files):
            if name.endswith(".html"):
                full = os.path.join(root, name)
                yield os.path.relpath(full, site).replace(os.sep, "/"), full


def resolve(from_relative, href):
    """The site-relative file and fragment a relative link points at, or None for external links."""
    parsed = urllib.parse.urlparse(href)
    if parsed.scheme or href.startswith("//"):
        return None
    target = parsed.path
    if not target:
        return from_relative, parsed.fragment
    joined = os.path.normpath(os.path.join(os.path.dirname(from_relative), urllib.parse.unquote(target)))
    return joined.replace(os.sep, "/"), parsed.fragment
