#!/usr/bin/env python3
"""End-to-end: build content/ with the real binary and check the pages of the URL contract."""
import argparse
import filecmp
import json
import os
import re
import sys
import unittest

import sitelib

ARGS = None
SITE = None
AOT = "ar-at-one-table-2023"
ROLES = ["worker", "supervisor", "area-leadership", "state-leadership"]


def setUpModule():
    global SITE
    proc, SITE = sitelib.build(ARGS.binary, ARGS.content)
    if proc.returncode != 0:
        raise RuntimeError(f"build failed:\n{proc.stdout}\n{proc.stderr}")


def section_pages(model):
    """Section pages, found as the checks do: by following links from the model overview."""
    overview_path = f"models/{model}/index.html"
    overview = sitelib.page(SITE, overview_path)
    found = []
    for href in overview.links:
        target = sitelib.resolve(overview_path, href)
        if not target:
            continue
        path = target[0]
        if re.fullmatch(rf"models/{model}/[a-z0-9-]+/index.html", path) and "/roles/" not in path \
                and "/changes/" not in path and path not in found:
            found.append(path)
    return found


class UrlContract(unittest.TestCase):
    def test_top_level_files(self):
        for path in ["index.html", "404.html", "sitemap.xml", f"models/{AOT}/index.html",
                     f"models/{AOT}/model.json"]:
            self.assertTrue(os.path.isfile(os.path.join(SITE, path)), path)

    def test_every_model_has_overview_and_json(self):
        models = json.loads(sitelib.read(os.path.join(SITE, f"models/{AOT}/model.json")))
        self.assertEqual(models["id"], AOT)
        for name in os.listdir(os.path.join(ARGS.content, "models")):
            self.assertTrue(os.path.isfile(os.path.join(SITE, "models", name, "index.html")), name)
            data = json.loads(sitelib.read(os.path.join(SITE, "models", name, "model.json")))
            self.assertEqual(data["id"], name)

    def test_aot_has_six_value_pages_linked_from_the_overview(self):
        pages = section_pages(AOT)
        self.assertEqual(len(pages), 6, pages)
        for i, path in enumerate(pages, 1):
            self.assertIn(f"Value {i}", sitelib.page(SITE, path).text)

    def test_every_statement_is_on_its_section_page_with_its_anchor(self):
        for name in sorted(os.listdir(os.path.join(ARGS.content, "models"))):
            data = json.loads(sitelib.read(os.path.join(SITE, "models", name, "model.json")))
            for section in data["sections"]:
                page = sitelib.page(SITE, f"models/{name}/{section['id']}/index.html")
                for block in section["blocks"]:
                    for item in walk(block.get("items", [])):
                        self.assertIn(item["id"], page.ids, f"{name}/{section['id']}#{item['id']}")
                        self.assertIn(plain(item["text"]), page.text, f"{name}/{section['id']}#{item['id']}")

    def test_aot_2023_role_action_counts_match_the_seed(self):
        expected = {"worker": 42, "supervisor": 42, "area-leadership": 46, "state-leadership": 38}
        counts = {role: 0 for role in ROLES}
        for path in section_pages(AOT):
            for anchor in sitelib.page(SITE, path).ids:
                m = re.fullmatch(r"([a-z-]+)-\d+", anchor)
                if m and m.group(1) in counts:
                    counts[m.group(1)] += 1
        self.assertEqual(counts, expected)

    def test_overview_has_vision_priorities_letter_and_rubric(self):
        text = sitelib.page(SITE, f"models/{AOT}/index.html").text
        self.assertIn("Every child has a safe and stable family every day.", text)
        self.assertIn("Safely support child permanency, well-being, and development of culturally safe, "
                      "lifelong relationships.", text)
        self.assertIn("Tiffany Wright", text)
        for level in ["Novice", "Emerging", "Accomplished", "Distinguished", "Master"]:
            self.assertIn(level, text)

    def test_superseded_edition_points_to_the_current_one(self):
        martin = sitelib.page(SITE, "models/ar-at-one-table-martin/index.html")
        self.assertIn("Archived edition", martin.text)
        self.assertTrue(any(h.endswith(f"models/{AOT}/index.html") for h in martin.links))
        self.assertNotIn("Archived edition", sitelib.page(SITE, f"models/{AOT}/index.html").text)

    def test_sitemap_lists_pages(self):
        xml = sitelib.read(os.path.join(SITE, "sitemap.xml"))
        self.assertIn(f"<loc>models/{AOT}/</loc>", xml)
        self.assertGreaterEqual(xml.count("<url>"), 30)


class Browsing(unittest.TestCase):
    """Issue 5: role pages, glossary backlinks, comparisons, search index."""

    def role_actions_in_json(self, model, role):
        data = json.loads(sitelib.read(os.path.join(SITE, f"models/{model}/model.json")))
        return [plain(i["text"]) for s in data["sections"] for b in s["blocks"]
                if b["kind"] == "actions" and b.get("role") == role for i in b["items"]]

    def test_model_role_pages_hold_exactly_the_seed_actions(self):
        expected = {"worker": 42, "supervisor": 42, "area-leadership": 46, "state-leadership": 38}
        for model in (AOT, "ar-at-one-table-martin"):
            for role, count in expected.items():
                path = f"models/{model}/roles/{role}/index.html"
                html = sitelib.read(os.path.join(SITE, path))
                self.assertEqual(html.count('class="statement-ref"'), count, path)
                text = sitelib.Page(html).text
                actions = self.role_actions_in_json(model, role)
                self.assertEqual(len(actions), count)
                for action in actions:
                    self.assertIn(action, text, path)

    def test_role_links_go_to_the_statement_anchor(self):
        path = f"models/{AOT}/roles/supervisor/index.html"
        page = sitelib.page(SITE, path)
        anchored = [h for h in page.links if re.search(r"/relationships/index\.html#supervisor-\d+$", h)]
        self.assertEqual(len(anchored), 6)

    def test_home_to_supervisor_actions_in_one_click(self):
        home = sitelib.page(SITE, "index.html")
        self.assertIn("roles/supervisor/index.html", home.links)
        html = sitelib.read(os.path.join(SITE, "roles/supervisor/index.html"))
        aot = re.search(r'<section class="role-model" aria-labelledby="ar-at-one-table-2023">.*?</section>', html, re.S).group(0)
        self.assertEqual(aot.count('class="statement-ref"'), 42)  # the current At One Table edition in full
        self.assertIn(f"models/ar-at-one-table-martin/roles/supervisor/index.html", html)  # the archive by link

    def test_models_without_role_actions_say_so(self):
        for model in ("me-practice-model", "va-practice-model", "ar-practice-model"):
            self.assertFalse(os.path.exists(os.path.join(SITE, f"models/{model}/roles")), model)
            self.assertIn("does not set out actions by role", sitelib.page(SITE, f"models/{model}/index.html").text)
        # The role across models opens with a jump list of every model, and shows inline what the
        # models without actions by role expect of all staff.
        worker_html = sitelib.read(os.path.join(SITE, "roles/worker/index.html"))
        jump = re.search(r'<nav class="model-jump".*?</nav>', worker_html, re.S).group(0)
        for model in ("ar-at-one-table-2023", "me-practice-model", "va-practice-model", "ar-practice-model"):
            self.assertIn(f'href="#{model}"', jump)
        self.assertNotIn("ar-at-one-table-martin", jump)  # an archived edition is a link further down
        maine = re.search(r'<section class="role-model role-model-all-staff" aria-labelledby="me-practice-model">.*?</section>',
                          worker_html, re.S).group(0)
        self.assertIn("does not set out actions by role", maine)
        self.assertIn("We believe that people can change.", sitelib.Page(maine).text)
        self.assertIn("models/me-practice-model/parents-rights/index.html#", maine)

    def test_glossary_backlinks_match_hand_counts(self):
        # Counted in the seeds by hand: statements (priorities included) mentioning each term,
        # in the two At One Table editions together.
        expected = {"genogram": 8, "fictive-kin": 8, "occ": 4, "warm-hand-off": 4}
        for term, count in expected.items():
            html = sitelib.read(os.path.join(SITE, f"glossary/{term}/index.html"))
            self.assertEqual(html.count('class="statement-ref"'), count, term)

    def test_terms_are_linked_once_per_statement_with_a_definition(self):
        html = sitelib.read(os.path.join(SITE, f"models/{AOT}/relationships/index.html"))
        worker5 = re.search(r'<li id="worker-5".*?</li>', html, re.S).group(0)
        self.assertEqual(worker5.count('class="term"'), 3)  # ecomaps, genograms, Circles of Safety and Support
        self.assertIn('href="../../../glossary/genogram/index.html"', worker5)
        page = sitelib.Page(html)
        self.assertIn("def-genogram", page.ids)

    def test_compare_matrix_cells_link_to_topic_columns(self):
        page = sitelib.page(SITE, "compare/index.html")
        cells = [h for h in page.links if re.search(r"topics/[a-z-]+/index\.html#[a-z0-9-]+$", h)]
        topics = len(sitelib.read(os.path.join(ARGS.content, "topics.yaml")).split("\n  - id: ")) - 1
        models = len(os.listdir(os.path.join(ARGS.content, "models")))
        self.assertEqual(len(cells), topics * models)
        kinship = sitelib.page(SITE, "compare/topics/kinship/index.html")
        self.assertIn("me-practice-model", kinship.ids)
        self.assertIn("When children cannot live safely with their families, the first consideration for placement "
                      "will be with kinship connections capable of providing a safe and nurturing home.", kinship.text)

    def test_search_index_covers_every_statement(self):
        js = sitelib.read(os.path.join(SITE, "search-index.js"))
        head = json.loads(js[len("window.PRACTICEBOOK_SEARCH="):].rstrip().rstrip(";"))
        # The seed site is one small shard; its head names it.
        self.assertEqual([s[0] for s in head["shards"]], ["search/shard-0.js"])
        shard_js = sitelib.read(os.path.join(SITE, "search", "shard-0.js"))
        data = json.loads(shard_js[shard_js.index("]=") + 2:].rstrip().rstrip(";"))
        statements = sum(1 for d in data["docs"] if d[0] in "sa")
        total = 0
        for name in os.listdir(os.path.join(ARGS.content, "models")):
            m = json.loads(sitelib.read(os.path.join(SITE, "models", name, "model.json")))
            total += sum(1 for s in m["sections"] for b in s["blocks"] for _ in walk(b.get("items", [])))
            total += sum(1 for _ in walk((m.get("priorities") or {}).get("items", [])))
        self.assertEqual(statements, total)
        self.assertLess(len(js) + len(shard_js), 400_000)


class PolicyTeams(unittest.TestCase):
    """Issue 7: shared language across states, and what changed between editions."""

    def test_changes_page_lists_exactly_what_the_seeds_differ_by(self):
        page = sitelib.page(SITE, f"models/{AOT}/changes/index.html")
        html = sitelib.read(os.path.join(SITE, f"models/{AOT}/changes/index.html"))
        self.assertIn("0 added, 2 removed, 0 reworded, 0 moved; 1 other change", page.text)
        # The two Value 5 agency practice statements only the Martin edition has …
        removed_html = re.search(r'<section class="change-group change-removed".*?</section>', html, re.S).group(0)
        self.assertEqual(removed_html.count("<li>"), 2)
        removed = sitelib.Page(removed_html).text
        self.assertIn('id="def-family-time"', html)  # the linked term's definition is on the page
        self.assertIn("Understand confidentiality with regard to legal partners.", removed)
        self.assertIn("Advocate for the least restrictive and most liberal family time/visitation", removed)
        # … and the letter's signatory, and nothing else.
        fields = re.findall(r"<dt>(.*?)</dt>", html)
        self.assertEqual(fields, ["Letter: signature"])
        self.assertIn("Mischa Martin", page.text)
        self.assertIn("Tiffany Wright", page.text)
        for kind in ("added", "reworded", "moved"):
            self.assertNotIn(f'change-{kind}"', html)

    def test_both_editions_link_to_the_changes_page(self):
        for model in (AOT, "ar-at-one-table-martin"):
            links = sitelib.page(SITE, f"models/{model}/index.html").links
            self.assertTrue(any(l.endswith(f"models/{AOT}/changes/index.html") for l in links), model)

    def shared_clusters(self):
        return sitelib.shared_language_clusters(SITE)[0]

    def test_shared_language_includes_the_known_pairs(self):
        clusters = self.shared_clusters()
        def has(model_a, text_a, model_b, text_b):
            return any(any(x["model"] == model_a and text_a in x["text"] for x in c["statements"])
                       and any(x["model"] == model_b and text_b in x["text"] for x in c["statements"]) for c in clusters)
        kinship = "the first consideration for placement will be with kinship connections"
        self.assertTrue(has("me-practice-model", kinship, "va-practice-model", kinship))
        self.assertTrue(has(AOT, "how we do the work is as important as the work we do",
                            "ar-practice-model", "How we do the work is as important as the work we do"))
        for c in clusters:
            self.assertIn(c["kind"], ("same-words", "same-idea"))
            self.assertGreaterEqual(len(c["statements"]), 2)
            for x in c["statements"]:
                self.assertTrue(x["url"].endswith("#" + x["id"]))
                self.assertEqual(set(x), {"model", "id", "section", "text", "url"})

    def test_never_pairs_two_editions_of_one_family(self):
        families = {}
        for name in os.listdir(os.path.join(ARGS.content, "models")):
            families[name] = json.loads(sitelib.read(os.path.join(SITE, "models", name, "model.json")))["family"]
        for c in self.shared_clusters():
            in_cluster = {families[x["model"]] for x in c["statements"]}
            self.assertGreaterEqual(len(in_cluster), 2, c)
            models = {x["model"] for x in c["statements"]}
            self.assertEqual(len({families[m] for m in models}), len(models), c)  # one edition per family

    def test_statement_pages_show_where_else_it_is_said(self):
        page = sitelib.page(SITE, "models/me-practice-model/safe-nurturing-family/index.html")
        self.assertIn("Also said in:", page.text)
        self.assertTrue(any("va-practice-model/children-in-families/index.html#beliefs-5" in l for l in page.links))

    def test_shared_language_page_names_the_states_and_marks_differences(self):
        page = sitelib.page(SITE, "compare/shared-language/index.html")
        self.assertRegex(page.text, r"Maine ↔ Virginia · \d+ sentences")
        self.assertIn("[only in Maine: ", page.text)
        self.assertIn("[only in Virginia: ", page.text)
        self.assertNotIn("1 sentences", page.text)
        self.assertNotIn("1 models", page.text)

    def test_diff_command_prints_the_same_comparison(self):
        import subprocess
        proc = subprocess.run([ARGS.binary, "diff", "ar-at-one-table-martin", AOT, "--content", ARGS.content],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("0 added, 2 removed, 0 reworded, 0 moved; 1 other change", proc.stdout)
        self.assertIn("[-Mischa Martin-]{+Tiffany Wright+}", proc.stdout)
        self.assertEqual(proc.stdout.count("\nremoved "), 2)

    def test_compare_page_lists_gaps(self):
        text = sitelib.page(SITE, "compare/index.html").text
        self.assertIn("Gaps: topics a model does not address", text)


class FrameworkCrosswalk(unittest.TestCase):
    """compare/frameworks/cfsr/: the CFSR's items and systemic factors against every current model."""
    PATH = "compare/frameworks/cfsr/index.html"

    def rows(self):
        """Each item row of the page: its id and its cells' text (one per current model)."""
        html = sitelib.read(os.path.join(SITE, self.PATH))
        return re.findall(r'<tr id="([a-z0-9-]+)" class="crosswalk-item">(.*?)</tr>', html, re.S)

    def test_the_page_has_18_items_and_7_systemic_factors_with_a_column_per_current_model(self):
        page = sitelib.page(SITE, self.PATH)
        rows = dict(self.rows())
        items = [r for r in rows if re.fullmatch(r"item-\d+", r)]
        self.assertEqual(items, [f"item-{n}" for n in range(1, 19)])
        self.assertEqual(len(rows) - len(items), 7, list(rows))
        for outcome in ["safety-1", "safety-2", "permanency-1", "permanency-2", "well-being-1", "well-being-2",
                        "well-being-3", "systemic-factors"]:
            self.assertIn(outcome, page.ids)
        # Current editions are columns; the superseded edition is listed apart, with its own page.
        for row in rows.values():
            self.assertEqual(row.count("<td "), 4)
        self.assertIn("Archived editions", page.text)
        self.assertTrue(any(link.endswith("/cfsr/ar-at-one-table-martin/index.html") for link in page.links))

    def test_links_resolve_to_statement_anchors(self):
        page = sitelib.page(SITE, self.PATH)
        checked = 0
        for href in page.links:
            target = sitelib.resolve(self.PATH, href)
            if not target or not target[0].startswith("models/") or not target[1]:
                continue
            self.assertIn(target[1], sitelib.page(SITE, target[0]).ids, href)
            checked += 1
        self.assertGreater(checked, 60)

    def test_known_mappings_and_gaps(self):
        rows = dict(self.rows())
        # Maine: "the first consideration for placement will be with kinship connections" speaks to item 10.
        self.assertIn("../../../models/me-practice-model/safe-nurturing-family/index.html#principles-3",
                      rows["item-10"])
        # Maine's model says nothing about data or quality improvement: a gap, in its column and its list.
        cells = re.findall(r"<td .*?</td>", rows["quality-assurance"], re.S)
        maine = [c for c in cells if "Maine" in c]
        self.assertEqual(len(maine), 1)
        self.assertIn("no statement speaks to this item", maine[0])
        detail = sitelib.page(SITE, "compare/frameworks/cfsr/me-practice-model/index.html")
        self.assertIn("Gap: no statement of this model speaks to this item.", detail.text)
        self.assertIn("quality-assurance", detail.ids)
        html = sitelib.read(os.path.join(SITE, "compare/frameworks/cfsr/me-practice-model/index.html"))
        gaps = sitelib.Page(re.search(r'<section aria-labelledby="gaps">.*?</section>', html, re.S).group(0)).text
        self.assertIn("Quality assurance system", gaps)
        self.assertNotIn("Relative placement", gaps)

    def test_the_detail_page_lists_every_statement_and_the_crosswalk_is_linked(self):
        detail = sitelib.page(SITE, f"compare/frameworks/cfsr/{AOT}/index.html")
        self.assertIn("Use the safety/risk matrix?", detail.text)  # item 3, beyond the three on the main page
        home = sitelib.page(SITE, "index.html")
        self.assertIn("compare/frameworks/cfsr/index.html", home.links)
        xml = sitelib.read(os.path.join(SITE, "sitemap.xml"))
        self.assertIn("compare/frameworks/cfsr/</loc>", xml)
        self.assertIn(f"compare/frameworks/cfsr/{AOT}/</loc>", xml)


class Quality(unittest.TestCase):
    def test_every_internal_link_and_anchor_resolves(self):
        pages, checked = sitelib.PageCache(SITE), 0
        for rel, _ in sitelib.all_html(SITE):
            page = pages[rel]
            for href in page.links:
                self.assertFalse(href.startswith("/"), f"{rel}: root-absolute link {href}")
                target = sitelib.resolve(rel, href)
                self.assertIsNotNone(target, f"{rel}: link leaves the site: {href}")
                path, fragment = target
                self.assertTrue(os.path.isfile(os.path.join(SITE, path)), f"{rel}: broken link {href}")
                if fragment and path.endswith(".html"):
                    tp = pages[path]
                    self.assertIn(fragment, tp.ids, f"{rel}: missing anchor {href}")
                checked += 1
        self.assertGreater(checked, 500)

    def test_no_page_has_an_id_twice(self):
        duplicates, pages = [], 0
        for rel, full in sitelib.all_html(SITE):
            counts = sitelib.Page(sitelib.read(full)).id_counts
            duplicates += [f"{rel}: id=\"{i}\" {n} times" for i, n in sorted(counts.items()) if n > 1]
            pages += 1
        self.assertEqual(duplicates, [])
        self.assertGreater(pages, 100)

    def test_every_page_has_landmarks_a_skip_link_and_one_h1(self):
        for rel, full in sitelib.all_html(SITE):
            text = sitelib.read(full)
            self.assertIn('<html lang="en">', text, rel)
            self.assertIn('href="#main-content"', text, rel)
            self.assertIn('<main id="main-content"', text, rel)
            self.assertEqual(len(re.findall(r"<h1[ >]", text)), 1, rel)

    def test_every_aria_reference_points_at_an_element_of_its_page(self):
        checked = 0
        for rel, full in sitelib.all_html(SITE):
            html = sitelib.read(full)
            ids = sitelib.Page(html).ids
            for ref in re.findall(r'aria-(?:describedby|labelledby|controls)="([^"]+)"', html):
                for one in ref.split():
                    self.assertIn(one, ids, f"{rel}: aria reference to missing #{one}")
                    checked += 1
        self.assertGreater(checked, 1000)

    def test_two_builds_are_byte_identical(self):
        proc, other = sitelib.build(ARGS.binary, ARGS.content)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        cmp = filecmp.dircmp(SITE, other)
        self.assertEqual(differences(cmp), [])


def differences(cmp):
    out = cmp.left_only + cmp.right_only + cmp.diff_files
    _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
    out += mismatch + errors
    for sub in cmp.subdirs.values():
        out += differences(sub)
    return out


def walk(items):
    for item in items:
        yield item
        yield from walk(item.get("items", []))


def plain(markdown):
    """Statement text as it reads on the page: Markdown emphasis and escapes removed."""
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", markdown)
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--seeds")
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
