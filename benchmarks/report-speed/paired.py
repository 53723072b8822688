#!/usr/bin/env python3
"""Paired, interleaved whole-process timing: runs each command once per round, in a rotating order, for N rounds,
and prints per command the median, mean and min wall time, the median of its per-round ratio to the first command,
and the median CPU time (user + system of the child process): on a machine other work keeps busy, CPU time shows what
the command itself costs.

usage: paired.py ROUNDS 'label=command' 'label=command' ...

Each round runs every command once (round r starts at command r mod k), so that a change in the machine's load hits
all commands alike; the ratio is taken within each round before the median. Output on stdout, one line per command.
"""
import os
import resource
import statistics
import subprocess
import sys
import time


def main():
    rounds = int(sys.argv[1])
    cmds = [a.split("=", 1) for a in sys.argv[2:]]
    times = {label: [] for label, _ in cmds}
    cpu = {label: [] for label, _ in cmds}
    load = []
    for r in range(rounds + 1):  # round 0 is a warm-up, not counted
        order = cmds[r % len(cmds):] + cmds[: r % len(cmds)]
        for label, cmd in order:
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            p = subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            t = time.perf_counter() - t0
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            c = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
            if p.returncode != 0:
                sys.exit(f"{label} failed ({p.returncode}): {p.stderr.decode()[-2000:]}")
            if r > 0:
                times[label].append(t)
                cpu[label].append(c)
        load.append(os.getloadavg()[0])
    first = cmds[0][0]
    print(f"rounds {rounds}, load average (1 min) during the runs {min(load):.1f}-{max(load):.1f}, {os.cpu_count()} CPUs")
    for label, _ in cmds:
        ts = times[label]
        ratios = [a / b for a, b in zip(ts, times[first])]
        print(f"{label:40s} median {statistics.median(ts):6.3f} s  mean {statistics.mean(ts):6.3f} s"
              f"  min {min(ts):6.3f} s  median ratio to {first}: {statistics.median(ratios):5.2f}"
              f"  CPU {statistics.median(cpu[label]):6.3f} s")


if __name__ == "__main__":
    main()
