"""A fictional practice model of another shape (Harbor County: practice elements, caseworker,
supervisor and leadership "behaviors", lettered sub-points) as a two-column brochure: running header,
page numbers, and sidebar quotes, every other one set in the middle of a numbered list. The import
test prints it with Chromium and checks where each statement lands.
"""
import html
MODEL = {
  "title": "Harbor County Practice Model",
  "subtitle": "Working Side by Side with Families",
  "vision": "Every child in Harbor County grows up safe, connected and loved.",
  "elements": [
    {"title": "Families Lead Their Own Plans",
     "quote": "We believe families know their own lives best and can lead the way to safety when we listen.",
     "principles": ["Ask families what has worked for them before offering services.",
                    ("Build every plan around the family's own words:", ["their goals for the children;", "the people they trust;", "the times that are hardest for them."]),
                    "Share our worries plainly and early, without jargon."],
     "roles": {"Caseworker": ["Invite the family to set the agenda for every meeting?", "Write the plan in the family's words and read it back to them?", "Check each visit whether the plan still fits the family?"],
               "Supervisor": ["Ask caseworkers how the family shaped the plan?", "Coach caseworkers to name worries without jargon?"],
               "Leadership": ["Remove forms that keep families from leading their plans?", "Report each quarter on how many plans families wrote?"]}},
    {"title": "Relatives and Friends Come First",
     "quote": "A child who must leave home should still wake up among people who already love them.",
     "principles": ["Search for relatives and family friends from the first day.", "Keep brothers and sisters together whenever it is safe.", "Support kin caregivers as fully as licensed foster homes."],
     "roles": {"Caseworker": ["Ask every child who they would like to stay with?", "Contact at least three relatives or friends within the first week?", "Arrange sibling visits every week when siblings live apart?"],
               "Supervisor": ["Review the relative search in every case within thirty days?", "Help caseworkers solve barriers to placing with kin?"],
               "Leadership": ["Fund emergency support for kin caregivers?", "Track the share of children placed with people they know?"]}},
    {"title": "Safety Is Built Together",
     "quote": "Safety lasts when the people around a child understand the danger and agree on what they will do.",
     "principles": ["Name the specific danger in words the family understands.", "Bring the family's network into every safety plan.", "Test each safety plan before relying on it."],
     "roles": {"Caseworker": ["Write a danger statement with the family at the first meeting?", "Confirm that each person in the safety plan knows their part?"],
               "Supervisor": ["Read every new safety plan within two working days?", "Ask what would make the plan fail, and how the team would know?"],
               "Leadership": ["Give teams time to meet with family networks after hours?", "Review every case where a safety plan broke down?"]}},
    {"title": "We Learn from Our Work",
     "quote": "Good practice grows where staff can speak honestly about what went wrong.",
     "principles": ["Look at results with families and staff together.", "Treat mistakes as chances to improve the system.", "Celebrate practice that helped a family succeed."],
     "roles": {"Caseworker": ["Ask families for feedback when a case closes?", "Bring one hard case to group supervision each month?"],
               "Supervisor": ["Hold a learning review after every serious incident?", "Share one story of good practice at each unit meeting?"],
               "Leadership": ["Publish outcome data to staff and families twice a year?", "Protect staff who report problems in good faith?"]}},
  ],
}
E = html.escape
def page(n, body, header=True):
    head = '<div class="run">Harbor County Practice Model &middot; Family Partnership Edition</div>' if header else ''
    return f'<section class="page">{head}<div class="cols">{body}</div><div class="foot">Page {n}</div></section>'
def element(i, el):
    out = [f'<p class="label">Practice Element {i}</p><h2>{E(el["title"])}</h2>']
    spliced = i % 2 == 0  # every other element sets its quote in the middle of the principles
    if not spliced:
        out.append(f'<aside>{E(el["quote"])}</aside>')
    out.append('<h3>Guiding Principles</h3><ol>')
    for k, p in enumerate(el["principles"]):
        if spliced and k == 1:
            out.append(f'</ol><aside>{E(el["quote"])}</aside><ol start="2">')
        if isinstance(p, tuple):
            out.append(f'<li>{E(p[0])}<ol class="sub">' + ''.join(f'<li>{E(s)}</li>' for s in p[1]) + '</ol></li>')
        else:
            out.append(f'<li>{E(p)}</li>')
    out.append('</ol>')
    for role, acts in el["roles"].items():
        out.append(f'<h3>{E(role)} Behaviors</h3><ul>' + ''.join(f'<li>&bull; {E(a)}</li>' for a in acts) + '</ul>')
    return ''.join(out)
css = """@page { size: 8.5in 11in; margin: 0 }
body { margin: 0; font: 11pt/1.35 serif }
.page { width: 8.5in; height: 11in; position: relative; page-break-after: always; overflow: hidden }
.run { position: absolute; top: 0.4in; left: 0.75in; font-size: 9pt }
.foot { position: absolute; bottom: 0.4in; left: 0; right: 0; text-align: center; font-size: 9pt }
.cols { position: absolute; top: 1in; left: 0.75in; right: 0.75in; height: 9in; column-count: 2; column-gap: 0.5in; column-fill: auto }
h1, h2, h3, .label { text-transform: uppercase; break-after: avoid }
h1 { font-size: 22pt; column-span: all } .subtitle { column-span: all; font-size: 14pt; text-transform: uppercase }
h2 { font-size: 14pt } h3 { font-size: 11pt; margin: 10pt 0 4pt }
aside { font: italic 14pt/1.3 sans-serif; margin: 8pt 0; padding: 6pt 0 }
ol { padding-left: 1.4em } ol.sub { list-style: lower-alpha } ul { list-style: none; padding-left: 0 }
li { margin: 2pt 0 }
"""
def brochure_html(m=MODEL):
    pages = [page(1, f'<h1>{E(m["title"])}</h1><p class="subtitle">{E(m["subtitle"])}</p><h3>Vision</h3><p>{E(m["vision"])}</p>'
              '<h3>A Message from the Director</h3><p>Harbor County has changed how it works with families over the last three years. '
              'This booklet sets out what we have learned, in our own words.</p><p>Every element describes what we believe, '
              'and what each of us does about it each day.</p><p>Sincerely,</p><p>Dana Whitfield</p><p>Director, Harbor County Department of Family Services</p>', header=False)]
    for i, el in enumerate(m["elements"], 1):
        pages.append(page(i + 1, element(i, el)))
    return (f'<!doctype html><html lang="en"><meta charset="utf-8"><title>{E(m["title"])}</title><style>{css}</style>'
            f'<body>{"".join(pages)}</body></html>')
