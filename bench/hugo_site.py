"""The Hugo side of the site benchmark: the same pages' text as a Hugo site. Each HTML page that
Practicebook built becomes one Markdown page holding its <main> text (tags dropped), at the same URL:
a folder with pages below it becomes a section (_index.md), any other page a regular page, so Hugo
renders the same number of pages in the same tree. The layout is minimal but, like Practicebook's
pages, has a sibling navigation: the parent section, and the previous and next page in the section."""
import html
import json
import os
import re

CONFIG = """baseURL = "/"
title = "Bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"""

LAYOUT = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<header><a href="{{ "/" | relURL }}">Home</a>{{ with .Parent }} › <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</header>
<main><h1>{{ .Title }}</h1>{{ .Content }}</main>
<nav aria-label="Pages in this section">{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</body></html>
"""


def between(text, start, end):
    """The text from the first `start` tag (after its '>') to the last `end`, or '' without them."""
    first = text.find(start)
    last = text.rfind(end)
    if first < 0 or last < 0:
        return ""
    opened = text.find(">", first)
    return text[opened + 1:last] if 0 <= opened < last else ""


TAG = re.compile(r"<[^>]*>")
SPACES = re.compile(r"[ \t]+")


def strip_tags(markup):
    # Runs of spaces become one (four would start a Markdown code block); line breaks stay.
    return SPACES.sub(" ", TAG.sub(" ", markup))


def markdown_path(rel, sections):
    """The content file for the built page at `rel` (a path under the site, with '/')."""
    folder, name = os.path.split(rel)
    if name != "index.html":
        return os.path.join(folder, name[:-len(".html")] + ".md")
    if folder == "" or folder in sections:
        return os.path.join(folder, "_index.md")
    return folder + ".md"


def html_pages(site):
    pages = []
    for dirpath, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                pages.append(os.path.relpath(os.path.join(dirpath, name), site).replace(os.sep, "/"))
    return sorted(pages)


def make_hugo_site(folder, site):
    """Writes folder/hugo (config, layout, one Markdown page per HTML page of `site`); returns its path
    and the number of pages written."""
    hugo = os.path.join(folder, "hugo")
    layouts = os.path.join(hugo, "layouts", "_default")
    os.makedirs(layouts)
    with open(os.path.join(hugo, "config.toml"), "w", encoding="utf-8") as f:
        f.write(CONFIG)
    for name in ("single.html", "list.html"):
        with open(os.path.join(layouts, name), "w", encoding="utf-8") as f:
            f.write(LAYOUT)
    pages = html_pages(site)
    # Folders with a page below them (not counting their own index.html) are sections.
    sections = set()
    for rel in pages:
        folder_of_page = os.path.dirname(rel) if not rel.endswith("/index.html") else os.path.dirname(os.path.dirname(rel))
        if rel == "index.html":
            continue
        while folder_of_page:
            sections.add(folder_of_page)
            folder_of_page = os.path.dirname(folder_of_page)
    content = os.path.join(hugo, "content")
    for rel in pages:
        with open(os.path.join(site, rel), encoding="utf-8") as f:
            page = f.read()
        title = html.unescape(between(page, "<title", "</title>").strip()) or rel
        text = strip_tags(between(page, "<main", "</main>"))
        target = os.path.join(content, markdown_path(rel, sections))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n{text}\n")
    return hugo, len(pages)
