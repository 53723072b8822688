#!/usr/bin/env python3
"""A plain re-implementation of the seed benchmark's per-cell analysis (docs/reference/seed-methodology.md §2.1, §2.7), used as the
baseline of SweepAnalysisBenchmark (docs/PERFORMANCE.md): one regex per field, naive stamps resolved in the process's
local zone (run with TZ=<the sweep's zone>), samples in aiperf's [start_time, end_time], median power, phase
classification from profile_export.jsonl with the timeline-reconstruction fallback, thermal summary.

Usage: TZ=Asia/Kolkata python3 seed_cell_analysis.py <sweep dir> [repeats]
Prints the tegrastats lines analyzed, the seconds taken and lines per second (best of the repeats).
"""
import glob
import json
import os
import re
import statistics
import sys
import time
from datetime import datetime

TS = re.compile(r'(\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2})')
MW = re.compile(r'VDD_CPU_GPU_CV (\d+)mW')
TJ = re.compile(r'tj@([\d.]+)C')
CPU = re.compile(r'cpu@([\d.]+)C')
GPU = re.compile(r'gpu@([\d.]+)C')


def parse_tegra(path):
    out = []
    with open(path) as f:
        for line in f:
            m = TS.match(line)
            w = MW.search(line)
            if not m or not w:
                continue
            ep = datetime.strptime(m.group(1), '%m-%d-%Y %H:%M:%S').timestamp()
            tj = TJ.search(line)
            cpu = CPU.search(line)
            gpu = GPU.search(line)
            out.append((ep, int(w.group(1)), float(tj.group(1)) if tj else None,
                        float(cpu.group(1)) if cpu else None, float(gpu.group(1)) if gpu else None))
    return out


def analyze_cell(cell):
    summary = json.load(open(os.path.join(cell, 'profile_export_aiperf.json')))
    tegra = parse_tegra(os.path.join(cell, 'tegrastats.log'))
    t0 = datetime.fromisoformat(summary['start_time']).timestamp()
    t1 = datetime.fromisoformat(summary['end_time']).timestamp()
    S = [s for s in tegra if t0 <= s[0] <= t1]
    if not S:
        return None, len(tegra)
    power_w = statistics.median(s[1] for s in S) / 1000
    recs = []
    jl = os.path.join(cell, 'profile_export.jsonl')
    if os.path.exists(jl):
        for line in open(jl):
            r = json.loads(line)
            md = r['metadata']
            if md.get('benchmark_phase') == 'profiling' and 'request_ack_ns' in md:
                recs.append((md['request_start_ns'] / 1e9, md['request_ack_ns'] / 1e9, md['request_end_ns'] / 1e9))
    pre, dec = [], []
    for s in S:
        if any(a <= s[0] <= b for a, b, _ in recs):
            pre.append(s[1])
        elif any(b < s[0] <= c for _, b, c in recs):
            dec.append(s[1])
    ttft = summary['time_to_first_token']['p50'] / 1000
    rl = summary['request_latency']['p50'] / 1000
    if not pre or not dec:
        pre, dec = [], []
        n = int(summary.get('request_count', {}).get('avg') or 20)
        for s in S:
            k = int((s[0] - t0) / rl)
            if k >= n:
                continue
            (pre if (s[0] - t0 - k * rl) <= ttft else dec).append(s[1])
    p_pre = (statistics.median(pre) / 1000 if pre else 0) or power_w
    p_dec = (statistics.median(dec) / 1000 if dec else 0) or power_w
    isl = summary['input_sequence_length']['p50']
    osl = summary['output_sequence_length']['p50']
    prefill_j = p_pre * ttft
    decode_j = p_dec * (rl - ttft)
    total_j = prefill_j + decode_j
    row = {
        'power_w': power_w, 'tok_j': osl / decode_j, 'prefill_tokj': isl / prefill_j,
        'total_tokj': (isl + osl) / total_j,
        'peak_tj': max((s[2] for s in S if s[2] is not None), default=None),
        'avg_cpu': statistics.mean(s[3] for s in S if s[3] is not None),
        'avg_gpu': statistics.mean(s[4] for s in S if s[4] is not None),
    }
    return row, len(tegra)


def main():
    root = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    cells = sorted(os.path.dirname(p) for p in glob.glob(os.path.join(root, '*', '*', 'gen*', 'ctx*',
                                                                        'profile_export_aiperf.json')))
    best = None
    lines = 0
    for _ in range(repeats):
        start = time.perf_counter()
        lines = 0
        for c in cells:
            _, n = analyze_cell(c)
            lines += n
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    print(f'{len(cells)} cells, {lines} tegrastats lines, {best:.3f} s, {lines / best:,.0f} lines/s')


if __name__ == '__main__':
    main()
