"""The goals of issue 17 checked against the benchmark's figures, and the printed report."""

FILE_LIMIT = 1.5e6  # bytes: no file but a PDF may be larger (the same limit as tests/browser/search-shards.js)
SEED_LIMIT = 0.1    # seconds for the seed site
DISK_GOAL = 1.15    # the disk build's time, at most this many times the write floor's


def goal(text, value, shown, passed):
    return {"goal": text, "value": None if value is None else round(value, 4), "shown": shown,
            "result": "SKIP" if passed is None else ("PASS" if passed else "FAIL")}


def goals(series, output):
    def median(key):
        return series[key].median() if key in series else None

    pb_disk, pb_memory, floor = median("pb_disk"), median("pb_memory"), median("copy")
    hugo_disk, hugo_memory = median("hugo_disk"), median("hugo_memory")
    out = []
    if pb_memory and hugo_memory:
        speedup = hugo_memory / pb_memory
        out.append(goal("in memory ≥ 2× faster than hugo --renderToMemory", speedup, f"{speedup:.2f}× faster", speedup >= 2))
    else:
        out.append(goal("in memory ≥ 2× faster than hugo --renderToMemory", None, "no Hugo or no /dev/shm", None))
    ratio = pb_disk / floor
    out.append(goal("on disk ≤ 1.15× the write floor (cp -r)", ratio, f"{ratio:.2f}× the floor", ratio <= DISK_GOAL))
    if hugo_disk:
        speedup = hugo_disk / pb_disk
        out.append(goal("on disk faster than Hugo on disk", speedup, f"{speedup:.2f}× faster", speedup > 1))
        pb_peak = max(series[key].peak_mib() for key in ("pb_disk", "pb_memory") if key in series)
        share = pb_peak / series["hugo_disk"].peak_mib()
        out.append(goal("peak memory ≤ 25% of Hugo's (Practicebook's highest, Hugo's on disk)", share,
                        f"{pb_peak:.0f} of {series['hugo_disk'].peak_mib():.0f} MiB = {share:.0%}", share <= 0.25))
    else:
        out.append(goal("on disk faster than Hugo on disk", None, "no Hugo", None))
        out.append(goal("peak memory ≤ 25% of Hugo's", None, "no Hugo", None))
    over = output["non_pdf_over_limit"]
    out.append(goal("no file but PDFs over 1.5 MB", over, f"{over} over", over == 0))
    seed = median("seed")
    out.append(goal("seed site under 0.1 s (median of 5)", seed, f"{seed * 1000:.0f} ms", seed < SEED_LIMIT))
    return out


def disk_budget(series):
    """What the disk goal leaves for rendering and writing the pages once the build has read, checked
    and linked the sources (`practicebook check`'s time, which writes nothing): 1.15× the floor less that."""
    if "pb_check" not in series or "copy" not in series:
        return None
    check, floor = series["pb_check"].median(), series["copy"].median()
    return {"check_seconds": round(check, 4), "floor_seconds": round(floor, 4),
            "check_share_of_floor": round(check / floor, 4),
            "left_for_pages_seconds": round(DISK_GOAL * floor - check, 4)}


def print_all(figures, series, say):
    for key, title in (("pb_disk", "disk"), ("pb_memory", "/dev/shm")):
        if key in figures["phases"]:
            say(f"\nPracticebook's phases, median run to {title}:")
            for line in figures["phases"][key]:
                say("  " + line)
    say(f"  (on standard error: {figures['diagnostics']}; the corpus leaves glossary terms unused and the seed models out)")
    output = figures["output"]
    largest = output["largest_non_pdf"]
    say(f"\noutput: {output['bytes'] / 1e6:.1f} MB in {output['files']} files, {output['html_pages']} HTML pages; "
        f"largest file but PDFs: {largest['path']} ({largest['bytes'] / 1e6:.2f} MB); "
        f"files but PDFs over 1.5 MB: {output['non_pdf_over_limit']}")
    for item in output["over_limit_files"][:10]:
        say(f"  {item['bytes'] / 1e6:6.2f} MB  {item['path']}")
    if output["non_pdf_over_limit"] > 10:
        say(f"  … and {output['non_pdf_over_limit'] - 10} more")

    runs = figures["runs"]
    say(f"\n{figures['models']} models, {runs} timed run{'s' if runs != 1 else ''} of each case (seed site: 5); "
        f"load average {figures['machine_at_start']['load_average'][0]:.2f} at the start, {figures['load_average_at_end'][0]:.2f} at the end "
        f"on {figures['machine_at_start']['cores']} cores")
    say(f"{'case':<34}{'median':>9}{'min':>9}{'max':>9}{'peak memory':>14}{'CPU user + system':>22}")
    for value in series.values():
        seconds = value.seconds()
        middle = value.median_run()  # its CPU time: user + system seconds, summed over its threads
        cpu = f"{middle.user:.2f} + {middle.system:.2f} s"
        say(f"{value.label:<34}{value.median():>8.3f}s{min(seconds):>8.3f}s{max(seconds):>8.3f}s{value.peak_mib():>10.0f} MiB{cpu:>22}")
    if figures["hugo"] is None:
        say("(Hugo's rows skipped)")
    say(f"\n{'goal':<72}{'figure':>24}  result")
    for item in figures["goals"]:
        say(f"{item['goal']:<72}{item['shown']:>24}  {item['result']}")
    budget = figures.get("disk_budget")
    if budget:
        say(f"\nwhat the disk goal leaves: reading, checking and linking the sources alone (practicebook check, "
            f"nothing written) takes {budget['check_seconds']:.3f}s, {budget['check_share_of_floor']:.2f}× the floor; "
            f"{DISK_GOAL}× the floor leaves {budget['left_for_pages_seconds']:.3f}s to render and write "
            f"{figures['output']['files']} files")
