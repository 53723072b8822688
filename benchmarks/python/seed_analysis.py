#!/usr/bin/env python3
"""A plain-Python re-implementation of the seed benchmark's per-cell analysis (DESIGN §9 baseline).

It does what the seed's corrected chart script does per cell (docs seed-methodology §2.6–2.7), with the standard
library only: one regex per field of every tegrastats line, the samples whose (naive, 1 s) time falls inside the aiperf
run's [start_time, end_time], the median VDD_CPU_GPU_CV power, then the seed's §J formulas from the summary's p50
latencies; per model × mode thermal means; speedups as ratio of means over the cells; best total tok/J.

It reads a sweep in the tokjoule layout (<run>/<MODE>/<model>/gen<G>/ctx<C>/{profile_export_aiperf.json,
tegrastats.log}) or the seed's (<mode-dir>/<model>/gen<G>/ctx<C>/profile_export_aiperf.json with a per-cell or a
whole-run <mode-dir>/tegrastats.log), writes one CSV row per cell to the output file, and prints on stderr the number
of tegrastats lines read, the wall time and the lines per second.

Usage: python3 seed_analysis.py SWEEP_DIR [OUT.csv]
"""
import csv
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

LINES = 0


def read_tegrastats(path):
    global LINES
    samples = []
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            LINES += 1
            m = TS.match(line)
            p = MW.search(line)
            if not m or not p:
                continue
            ep = datetime.strptime(m.group(1), '%m-%d-%Y %H:%M:%S').timestamp()
            tj = TJ.search(line)
            cpu = CPU.search(line)
            gpu = GPU.search(line)
            samples.append((ep, int(p.group(1)),
                            float(tj.group(1)) if tj else None,
                            float(cpu.group(1)) if cpu else None,
                            float(gpu.group(1)) if gpu else None))
    return samples


def stat(summary, key, field='p50'):
    v = summary.get(key)
    if isinstance(v, dict):
        return v.get(field)
    return None


def main():
    root = sys.argv[1]
    out_path = sys.argv[2] if len(sys.argv) > 2 else os.devnull
    start = time.perf_counter()
    whole_run_logs = {}
    rows = []
    thermal = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        if 'profile_export_aiperf.json' not in filenames:
            continue
        parts = os.path.relpath(dirpath, root).split(os.sep)
        if len(parts) < 4:
            continue
        mode, model, gen, ctx = parts[0], parts[-3], parts[-2], parts[-1]
        with open(os.path.join(dirpath, 'profile_export_aiperf.json'), encoding='utf-8') as f:
            summary = json.load(f)
        cell_log = os.path.join(dirpath, 'tegrastats.log')
        if os.path.exists(cell_log):
            samples = read_tegrastats(cell_log)
        else:
            run_log = os.path.join(root, mode, 'tegrastats.log')
            if run_log not in whole_run_logs:
                whole_run_logs[run_log] = read_tegrastats(run_log) if os.path.exists(run_log) else []
            samples = whole_run_logs[run_log]
        t0 = datetime.fromisoformat(summary['start_time']).timestamp()
        t1 = datetime.fromisoformat(summary['end_time']).timestamp()
        inside = [s for s in samples if t0 <= s[0] <= t1]
        if not inside:
            continue  # the seed skips such cells silently
        power_w = statistics.median(s[1] for s in inside) / 1000
        tok_s = stat(summary, 'output_token_throughput_per_user', 'avg')
        ttft_s = stat(summary, 'time_to_first_token') / 1000
        rl_s = stat(summary, 'request_latency') / 1000
        isl = stat(summary, 'input_sequence_length', 'avg')
        osl = stat(summary, 'output_sequence_length', 'avg')
        prefill_j = power_w * ttft_s
        total_j = power_w * rl_s
        decode_j = total_j - prefill_j
        rows.append({
            'mode': mode, 'model': model, 'gen': gen[3:], 'ctx': ctx[3:],
            'tok_s': tok_s, 'ttft_ms': ttft_s * 1000, 'rl_ms': rl_s * 1000, 'power_w': power_w,
            'output_tok_per_j': osl / decode_j, 'output_tok_per_j_request': osl / total_j,
            'output_tok_per_j_throughput': tok_s / power_w, 'prefill_tok_per_j': isl / prefill_j,
            'decode_tok_per_j': osl / decode_j, 'total_tok_per_j': (isl + osl) / total_j,
            'mj_per_output_token': 1000 * decode_j / osl,
            'prefill_approximate': ttft_s * 1000 < 500,
        })
        t = thermal.setdefault((model, mode), {'p': [], 'cpu': [], 'gpu': [], 'tj': []})
        t['p'].extend(s[1] / 1000 for s in inside)
        t['cpu'].extend(s[3] for s in inside if s[3] is not None)
        t['gpu'].extend(s[4] for s in inside if s[4] is not None)
        t['tj'].extend(s[2] for s in inside if s[2] is not None)
    # Aggregates: thermal table, speedup ratio of means, best total tok/J.
    thermal_rows = {k: (statistics.mean(v['p']), statistics.mean(v['cpu']) if v['cpu'] else None,
                        statistics.mean(v['gpu']) if v['gpu'] else None, max(v['tj']) if v['tj'] else None)
                    for k, v in thermal.items()}
    means = {}
    for r in rows:
        means.setdefault((r['model'], r['mode']), []).append(r['tok_s'])
    modes = sorted({r['mode'] for r in rows})
    speedups = {}
    for model in sorted({r['model'] for r in rows}):
        for a in modes:
            for b in modes:
                if a != b and (model, a) in means and (model, b) in means:
                    speedups[(model, a, b)] = statistics.mean(means[(model, a)]) / statistics.mean(means[(model, b)])
    best = {}
    for r in rows:
        if r['model'] not in best or r['total_tok_per_j'] > best[r['model']]['total_tok_per_j']:
            best[r['model']] = r
    with open(out_path, 'w', newline='') as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()) if rows else ['mode'])
        w.writeheader()
        w.writerows(rows)
    elapsed = time.perf_counter() - start
    print(f'{len(rows)} cells, {len(thermal_rows)} model x mode rows, {len(speedups)} speedups, {len(best)} best;'
          f' {LINES} tegrastats lines in {elapsed:.3f} s = {LINES / elapsed:,.0f} lines/s', file=sys.stderr)


if __name__ == '__main__':
    main()
