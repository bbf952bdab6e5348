"""The synthetic corpus of the site benchmark: N practice models of the shape of "At One Table" (six
values, principles, practice and four roles' actions, 270 statements) with the words of their
statements redrawn from the seed vocabulary, so models are alike in size but do not all share language
(which would make the shared-language list quadratic in size). Deterministic: the same seed, count and
shape give the same files.

Other shapes of national site, for checking sizes rather than speed: `shared` keeps that fraction of
the statements in the template's own words (counties that copy their state's model: 1.0 makes every
model say the same), and `states` spreads the models over that many states (1: one state of counties).
`source` draws the models from every model of another content folder in turn instead (its roles,
topics and glossary too): `content/` mixes the seed models' shapes, large and small, with an edition
that supersedes another; `tests/fixtures/content` gives many small models of short statements."""
import os
import random
import re
import shutil

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


def make_corpus(folder, models, seed=1, shared=0.0, states=50, source=None):
    """Writes folder/content (the seed site's pages and N synthetic models) and returns its path."""
    rng = random.Random(seed)
    keep = random.Random(seed + 1)  # its own stream, so the default shape draws what it always drew
    words = vocabulary()
    content = os.path.join(folder, "content")
    source_content = source or os.path.join(ROOT, "content")
    shutil.copytree(source_content, content, ignore=shutil.ignore_patterns("models"))
    if source:
        templates = sorted(os.listdir(os.path.join(source, "models")))
        names = [f"{templates[n % len(templates)]}-{n // len(templates):03d}" for n in range(models)]
    else:
        templates = ["ar-at-one-table-2023"]
        names = [f"model-{n:04d}" for n in range(models)]
    for n in range(models):
        template = os.path.join(source_content, "models", templates[n % len(templates)])
        copy = f"-{n // len(templates):03d}"  # a source model's copies: editions supersede their own copy's
        target = os.path.join(content, "models", names[n])
        os.makedirs(os.path.join(target, "sections"))
        for rel in ["model.yaml"] + [os.path.join("sections", s) for s in sorted(os.listdir(os.path.join(template, "sections")))]:
            with open(os.path.join(template, rel), encoding="utf-8") as f:
                text = f.read()
            if source:
                text = re.sub(r"(?m)^family: (.*)$", lambda m: f"family: {m.group(1)}{copy}", text)
                text = re.sub(r"(?m)^supersedes: (.*)\n",
                              lambda m: f"supersedes: {m.group(1)}{copy}\n" if m.group(1) + copy in names else "", text)
                text = re.sub(r"(?m)^state:.*\n", "", text)
            else:
                text = re.sub(r"(?m)^supersedes:.*\n", "", text)
                text = re.sub(r"(?m)^family:.*\n", "", text)
            text = re.sub(r"(?m)^jurisdiction:.*$", f"jurisdiction: State {n % states:02d}", text)
            # Redraw statement texts only (keys, ids and topics stay valid).
            text = re.sub(r"(?m)^(\s*(?:- )?text: )(.*)$",
                          lambda m: m.group(0) if shared and keep.random() < shared else m.group(1) + redraw(m.group(2), rng, words),
                          text)
            with open(os.path.join(target, rel), "w", encoding="utf-8") as f:
                f.write(text)
    return content
