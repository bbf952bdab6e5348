#!/usr/bin/env python3
"""Benchmark (not a test) of issue 17's goals, in one run on one synthetic corpus of N practice models
(bench/corpus.py): Practicebook (`build --no-pdf`) to disk and to /dev/shm (tmpfs, the in-memory
case); Hugo, when installed (Debian's `hugo`), on the same pages' text (bench/hugo_site.py) to disk and
with --renderToMemory; the write floor (`cp -r` of Practicebook's own output tree on the same disk);
the output's size, files and largest file; the seed site (content/) to /dev/shm. Each Practicebook
run is followed at once by the runs it is compared with, so the ratios hold on a machine whose speed
drifts. Prints a table and each goal with PASS or FAIL; --json writes every figure.

    python3 bench/site_bench.py [--models 500] [--runs 3] [--binary build/practicebook] [--json FILE]
    python3 bench/site_bench.py --models 60 --corpus-only DIR   (only write the corpus, to DIR/content)
"""
import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time

from corpus import ROOT, make_corpus
from hugo_site import make_hugo_site
from measure import Series, measure
import report

SEED_RUNS = 5


def filesystem(path):
    """'type device' of the mount that holds path (from /proc/mounts), for saying where we write."""
    path = os.path.realpath(path)
    best = ("", "?", "?")
    try:
        with open("/proc/mounts", encoding="utf-8") as f:
            for line in f:
                device, mount, kind = line.split()[:3]
                if (path == mount or path.startswith(mount.rstrip("/") + "/")) and len(mount) >= len(best[0]):
                    best = (mount, kind, device)
    except OSError:
        pass
    return f"{best[1]} {best[2]}"


def remove(path):
    shutil.rmtree(path, ignore_errors=True)


def settle():
    # Writes of the previous run reach the disk before the next run starts, so no run pays for
    # another's writeback. The page cache is not dropped: that needs root.
    os.sync()


def output_stats(site):
    files, total, html, biggest, over = 0, 0, 0, ("", 0), []
    for dirpath, _, names in os.walk(site):
        for name in names:
            path = os.path.join(dirpath, name)
            size = os.path.getsize(path)
            rel = os.path.relpath(path, site)
            files += 1
            total += size
            html += name.endswith(".html")
            if name.endswith(".pdf"):
                continue
            if size > biggest[1]:
                biggest = (rel, size)
            if size > report.FILE_LIMIT:
                over.append((rel, size))
    over.sort(key=lambda item: (-item[1], item[0]))
    return {"bytes": total, "files": files, "html_pages": html, "largest_non_pdf": {"path": biggest[0], "bytes": biggest[1]},
            "non_pdf_over_limit": len(over), "over_limit_files": [{"path": p, "bytes": s} for p, s in over]}


def diagnostics_summary(errors):
    """Practicebook's count line ('0 errors, 60 warnings'): the synthetic models leave glossary terms
    unused and the frameworks point at seed models the corpus leaves out, which are warnings."""
    counts = [line.strip() for line in errors.splitlines() if line.strip().startswith("0 errors")]
    return counts[-1] if counts else "no warnings"


def practicebook(binary, content, out, quiet=False):
    return [binary, "build", "--no-pdf", "--content", content, "--out", out] + (["--quiet"] if quiet else [])


def machine():
    """Cores, load and the commit measured: the machine is shared, so the figures say how busy it was."""
    commit = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()
    return {"cores": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()], "commit": commit or None}


def say(text):
    print(text, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "practicebook"))
    parser.add_argument("--models", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each case (median, min, max)")
    parser.add_argument("--hugo", default=shutil.which("hugo"), help="Hugo binary (default: hugo on PATH)")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo's rows")
    default_workdir = os.path.join(ROOT, "build") if os.path.isdir(os.path.join(ROOT, "build")) else tempfile.gettempdir()
    parser.add_argument("--workdir", default=default_workdir, help="where the corpus and the disk builds go (default: %(default)s)")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and the built sites")
    parser.add_argument("--json", metavar="FILE", help="write every figure as JSON to FILE")
    parser.add_argument("--corpus-only", metavar="DIR", help="write the corpus to DIR/content and stop (for tests)")
    parser.add_argument("--shared", type=float, default=0.0,
                        help="fraction of statements every model keeps in the same words (counties copying a model; default 0)")
    parser.add_argument("--states", type=int, default=50, help="states the models are spread over (default: %(default)s)")
    parser.add_argument("--source", metavar="DIR",
                        help="draw the models from every model of the content folder DIR in turn, with its roles, topics and "
                             "glossary (content: the seed models' mixed shapes; default: At One Table alone)")
    args = parser.parse_args()
    if args.corpus_only:
        os.makedirs(args.corpus_only, exist_ok=True)
        print(make_corpus(args.corpus_only, args.models, shared=args.shared, states=args.states, source=args.source))
        return
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        parser.error(f"{binary} is not a program; build it first (cmake --build build) or pass --binary")
    if args.hugo and not args.no_hugo and not os.access(args.hugo, os.X_OK):
        parser.error(f"--hugo {args.hugo} is not a program; pass Hugo's path, or --no-hugo")
    hugo = None if args.no_hugo else args.hugo
    folder = tempfile.mkdtemp(prefix="pb-bench-", dir=args.workdir)
    shm = tempfile.mkdtemp(prefix="pb-bench-", dir="/dev/shm") if os.path.isdir("/dev/shm") else None
    try:
        figures = run_benchmark(args, binary, hugo, folder, shm)
    finally:
        if args.keep:
            say(f"kept: {folder}" + (f" and {shm}" if shm else ""))
        else:
            remove(folder)
            if shm:
                remove(shm)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=1)
            f.write("\n")
        say(f"figures written to {args.json}")


def run_benchmark(args, binary, hugo, folder, shm):
    figures = {"models": args.models, "runs": args.runs, "binary": binary, "machine_at_start": machine(),
               "disk": f"{folder} ({filesystem(folder)})", "memory": f"{shm} ({filesystem(shm)})" if shm else None,
               "hugo": None}
    start_state = figures["machine_at_start"]
    # The checkout the script runs from; --binary may have been built from another one.
    say(f"machine:   {start_state['cores']} cores, load average {start_state['load_average'][0]:.2f} at the start; checkout {start_state['commit']}")
    say(f"binary:    {binary}")
    say(f"disk:      {figures['disk']}")
    say(f"in memory: {figures['memory'] or 'no /dev/shm: in-memory rows skipped'}")
    say("page cache: not cleared (that needs root); each program runs once untimed first, and sync runs before each timed run")

    start = time.perf_counter()
    content = make_corpus(folder, args.models, shared=args.shared, states=args.states, source=args.source)
    corpus_bytes = sum(os.path.getsize(os.path.join(d, n)) for d, _, names in os.walk(content) for n in names)
    figures["corpus"] = {"models": args.models, "shared": args.shared, "states": args.states, "source": args.source, "bytes": corpus_bytes,
                         "seconds": round(time.perf_counter() - start, 2)}
    shape = f" in {args.states} states, {args.shared:.0%} of statements in the same words" if (args.shared, args.states) != (0.0, 50) else ""
    shape += f", drawn from the models of {args.source}" if args.source else ""
    say(f"corpus:    {args.models} models{shape}, {corpus_bytes / 1e6:.1f} MB of sources, written in {figures['corpus']['seconds']:.1f} s")

    series = {}
    site = os.path.join(folder, "site")
    measure(practicebook(binary, content, site, quiet=True))  # warm-up; Hugo's pages are made from its output
    figures["output"] = output_stats(site)
    hugo_site = None
    if hugo:
        hugo_site = prepare_hugo(hugo, folder, site)
        figures["hugo"] = hugo_site["figures"]
    else:
        say("hugo:      " + ("skipped (--no-hugo)" if args.no_hugo else "not installed (apt-get install hugo): Hugo's rows skipped"))
    # Each Practicebook run is followed by the runs it is compared with (the copy, Hugo's), so a
    # machine that speeds up or slows down during the benchmark moves both sides of a ratio alike.
    on_disk(args.runs, binary, content, site, figures["output"], hugo_site, series)
    if shm:
        in_memory(args.runs, binary, content, os.path.join(shm, "site"), hugo_site, series)
    seed_runs(binary, os.path.join(shm or folder, "seed"), series)

    figures["series"] = {key: value.as_json() for key, value in series.items()}
    figures["phases"] = {key: series[key].median_run().output.strip().splitlines() for key in ("pb_disk", "pb_memory") if key in series}
    figures["diagnostics"] = diagnostics_summary(series["pb_disk"].median_run().errors)
    figures["goals"] = report.goals(series, figures["output"])
    figures["disk_budget"] = report.disk_budget(series)
    figures["load_average_at_end"] = machine()["load_average"]
    report.print_all(figures, series, say)
    return figures


def prepare_hugo(hugo, folder, site):
    """Hugo's site made from the same pages' text, and one untimed run; returns what the runs need."""
    start = time.perf_counter()
    source, pages = make_hugo_site(folder, site)
    converted = time.perf_counter() - start
    to_memory = [hugo, "--source", source, "--renderToMemory"]
    measure(to_memory)  # warm-up
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
    return {"binary": hugo, "source": source, "public": os.path.join(folder, "hugo-public"), "to_memory": to_memory,
            "figures": {"binary": hugo, "version": version, "markdown_pages": pages, "html_pages": None,
                        "markdown_seconds": round(converted, 2)}}


def on_disk(runs, binary, content, site, output, hugo_site, series):
    """The disk build, the write floor (cp -r of that build's output) and Hugo to disk, run in turn.

    Every run writes to folders of its own, removed only at the end: ext4 without a journal (as on
    these machines) skips inodes freed in the last 60 seconds when it allocates new ones, or in the
    last 360 while their inode table block is not yet written back (ialloc.c, recently_deleted), one
    by one, for every file it makes. A run that follows the removal of a 16,000-file tree pays
    seconds for it (a copy of the 500-model site took 7.5 s right after one, 2.4 s otherwise), and
    whichever of the build and the copy came right after a removal would look slower. The same holds
    across invocations: a second benchmark started within six minutes of the first pays for the
    first one's removals on both sides."""
    build, floor = series.setdefault("pb_disk", Series("practicebook, disk")), series.setdefault("copy", Series("write floor: cp -r"))
    # `check` does what the build does before its first page (read, validate, link) and writes
    # nothing: beside the floor it shows how much of the disk goal's time that leaves for the pages.
    check = series.setdefault("pb_check", Series("practicebook check (no output)"))
    hugo_disk = series.setdefault("hugo_disk", Series("hugo, disk")) if hugo_site else None
    say(f"write floor: cp -r {site} {site}-copy-N ({output['files']} files, {output['bytes'] / 1e6:.1f} MB: "
        "Practicebook's output tree, copied on the same disk)")
    written = []
    for n in range(runs):
        built_site, copy = f"{site}-run-{n + 1}", f"{site}-copy-{n + 1}"
        written += [built_site, copy]
        settle()
        built = build.add(measure(practicebook(binary, content, built_site)))
        settle()
        copied = floor.add(measure(["cp", "-r", site, copy]))
        settle()  # the copy's writeback would otherwise run beside check, on the same two cores
        checked = check.add(measure([binary, "check", "--content", content]))
        line = (f"  run {n + 1}/{runs}: practicebook to disk {built.seconds:.2f} s, cp -r {copied.seconds:.2f} s, "
                f"check {checked.seconds:.2f} s")
        if hugo_site:
            public = f"{hugo_site['public']}-{n + 1}"
            written.append(public)
            settle()
            hugo_run = hugo_disk.add(measure([hugo_site["binary"], "--source", hugo_site["source"], "--destination", public]))
            line += f", hugo to disk {hugo_run.seconds:.2f} s"
        say(line)
    if hugo_site:
        figures = hugo_site["figures"]
        figures["html_pages"] = sum(1 for _, _, names in os.walk(f"{hugo_site['public']}-1") for name in names if name.endswith(".html"))
        say(f"hugo:      {figures['version']}; {figures['markdown_pages']} Markdown pages (each built page's <main> text, "
            f"made in {figures['markdown_seconds']:.1f} s) → {figures['html_pages']} HTML pages")
    for path in written:
        remove(path)


def in_memory(runs, binary, content, site, hugo_site, series):
    """Practicebook into /dev/shm and Hugo with --renderToMemory, run in turn."""
    build = series.setdefault("pb_memory", Series("practicebook, /dev/shm"))
    hugo_memory = series.setdefault("hugo_memory", Series("hugo --renderToMemory")) if hugo_site else None
    for n in range(runs):
        remove(site)
        built = build.add(measure(practicebook(binary, content, site)))
        line = f"  run {n + 1}/{runs}: practicebook to /dev/shm {built.seconds:.2f} s"
        if hugo_site:
            hugo_run = hugo_memory.add(measure(hugo_site["to_memory"]))
            line += f", hugo --renderToMemory {hugo_run.seconds:.2f} s ({hugo_run.seconds / built.seconds:.2f}×)"
        say(line)
    remove(site)


def seed_runs(binary, out, series):
    content = os.path.join(ROOT, "content")
    measure(practicebook(binary, content, out, quiet=True))  # warm-up
    seed = series.setdefault("seed", Series(f"seed site (content/) to {'/dev/shm' if out.startswith('/dev/shm/') else 'disk'}"))
    for _ in range(SEED_RUNS):
        remove(out)
        seed.add(measure(practicebook(binary, content, out)))
    remove(out)


if __name__ == "__main__":
    main()
