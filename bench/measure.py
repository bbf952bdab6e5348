"""Timing and peak memory of one program run, and the summary of a series of runs."""
import os
import statistics
import subprocess
import sys
import tempfile
import time


class Run:
    def __init__(self, seconds, peak_mib, output, errors):
        self.seconds = seconds
        self.peak_mib = peak_mib
        self.output = output  # standard output
        self.errors = errors  # standard error


def measure(command):
    """Runs `command` and returns its wall time, its own peak resident memory (from wait4's rusage of
    that one process, not this script's) and its output. Exits with the output when it fails."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        output, errors = out.read(), err.read()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed with exit code {process.returncode}:\n{output[-2000:]}\n{errors[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, output, errors)


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
                "peak_mib_runs": [round(run.peak_mib, 1) for run in self.runs]}
