"""Timing and peak memory of one program run, and the summary of a series of runs."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

# GNU time (Debian's `time`) reads the program's peak resident memory from wait4. This script cannot
# do that itself: Linux carries a parent's resident memory over fork and exec into the child's peak,
# so a program started from a Python process that holds half a gigabyte would report half a gigabyte.
# GNU time's own share is about 1 MiB.
GNU_TIME = "/usr/bin/time"


class Run:
    def __init__(self, seconds, peak_mib, output, errors, user=0.0, system=0.0):
        self.seconds = seconds
        self.peak_mib = peak_mib
        # CPU seconds in the program and in the kernel for it (GNU time, from wait4): with the wall
        # time they say whether a run waited or worked, and on how many cores.
        self.user = user
        self.system = system
        self.output = output  # standard output
        self.errors = errors  # standard error


def measure(command):
    """Runs `command` and returns its wall time, its peak resident memory and its output. Exits with
    the output when it fails."""
    if not os.access(GNU_TIME, os.X_OK):
        sys.exit(f"error: {GNU_TIME} not found: the benchmark reads peak memory with GNU time\n  hint: apt-get install time")
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err, \
            tempfile.NamedTemporaryFile("r", prefix="pb-bench-peak-") as peak:
        start = time.perf_counter()
        code = subprocess.run([GNU_TIME, "--format=%M %U %S", f"--output={peak.name}", *command], stdout=out, stderr=err).returncode
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        output, errors = out.read(), err.read()
        report = peak.read().strip().splitlines()
    if code != 0:
        sys.exit(f"{' '.join(command)} failed ({report[0] if report else f'exit code {code}'}):\n{output[-2000:]}\n{errors[-2000:]}")
    peak_kib, user, system = report[-1].split()
    return Run(seconds, int(peak_kib) / 1024, output, errors, float(user), float(system))


class Series:
    """The runs of one program on one target; timings are reported as median, min and max."""

    def __init__(self, label):
        self.label = label
        self.runs = []

    def add(self, run):
        self.runs.append(run)
        return run

    def seconds(self):
        return [run.seconds for run in self.runs]

    def median(self):
        return statistics.median(self.seconds())

    def peak_mib(self):
        return max(run.peak_mib for run in self.runs)

    def median_run(self):
        """The run whose time is the median (the lower middle one for an even count)."""
        ordered = sorted(self.runs, key=lambda run: run.seconds)
        return ordered[(len(ordered) - 1) // 2]

    def as_json(self):
        return {"label": self.label, "seconds": [round(s, 4) for s in self.seconds()],
                "median": round(self.median(), 4), "min": round(min(self.seconds()), 4),
                "max": round(max(self.seconds()), 4), "peak_mib": round(self.peak_mib(), 1),
                "peak_mib_runs": [round(run.peak_mib, 1) for run in self.runs],
                "user_seconds": [round(run.user, 2) for run in self.runs],
                "system_seconds": [round(run.system, 2) for run in self.runs]}
