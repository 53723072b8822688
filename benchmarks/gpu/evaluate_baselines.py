#!/usr/bin/env python3
"""Truth from a GPU's hardware energy counter, and the error of simple estimators against it.

Reads the data set written by energy_truth.py (data/README.md) and:

1. characterises the counter's refresh: when its value changes (each change bracketed by the reads before and after
   it), how regular the refresh is, its lag behind the workload (the shift of its time axis that best explains its
   100 ms increments by the GPU's states, idle / prefill / decode, from the request stamps), and the instant power
   reading's lag behind the counter;
2. defines the truth of a window [a, b] as E(b) - E(a) with a bound (StateTruth: the counter at its knots, split
   inside a refresh interval by the states' power ranges; CounterTruth: linear interpolation, for comparison and as
   the fallback) and says which windows are truthful per request (bound <= 2 % of the energy) and per cell;
3. evaluates simple estimators against that truth: the per-request trapezoid over 500 ms and over 10 ms power
   samples, the per-cell ratio of sums (output tok/J = sum tokens / sum energy), and the seed's arithmetic (median or
   mean power of the cell's 500 ms samples x the p50 or mean latency).

docs/ANALYSIS.md section 10 states the definitions and the results.

Usage: python3 evaluate_baselines.py DATA_DIR... [--write-derived]   (numpy only; pools the runs given)
--write-derived writes DATA_DIR/truth_requests.csv, counter_knots.csv and counter_fit.json for each run.
"""
import csv
import gzip
import json
import math
import os
import sys

import numpy as np

NS = 1e9
TRUTHFUL_REL_BOUND = 0.02


def read_csv(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt', newline='') as f:
        r = csv.reader(f)
        header = next(r)
        rows = list(r)
    cols = {}
    for i, h in enumerate(header):
        cols[h] = np.array([float(x[i]) if x[i] != '' else np.nan for x in rows])
    return cols


def read_int_csv(path, names):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt', newline='') as f:
        r = csv.reader(f)
        header = next(r)
        idx = [header.index(n) for n in names]
        rows = [[int(x[i]) for i in idx] for x in r]
    a = np.array(rows, dtype=np.int64)
    return [a[:, j] for j in range(len(names))]


class Trace:
    """Power samples (t in s relative to t0, p in W) with an exact trapezoid integral at any time."""

    def __init__(self, t, p, name):
        ok = np.isfinite(p)
        self.dropped = int((~ok).sum())
        self.t, self.p, self.name = t[ok], p[ok], name
        seg = np.diff(self.t) * (self.p[1:] + self.p[:-1]) / 2
        self.c = np.concatenate([[0.0], np.cumsum(seg)])

    def integral_to(self, x):
        x = np.asarray(x, dtype=float)
        if np.any(x < self.t[0]) or np.any(x > self.t[-1]):
            raise ValueError('%s: a window extends beyond the trace [%.3f, %.3f] s' % (self.name, self.t[0], self.t[-1]))
        i = np.clip(np.searchsorted(self.t, x, side='right') - 1, 0, len(self.t) - 2)
        dt = x - self.t[i]
        slope = (self.p[i + 1] - self.p[i]) / (self.t[i + 1] - self.t[i])
        return self.c[i] + self.p[i] * dt + 0.5 * slope * dt * dt

    def energy(self, a, b):
        return self.integral_to(b) - self.integral_to(a)


def step_time_functions(windows):
    """windows: sorted, disjoint (start, end) arrays -> (knots, cumulative time) for np.interp: time in windows up to t."""
    x, y = windows
    knots = np.empty(2 * len(x))
    knots[0::2], knots[1::2] = x, y
    dur = y - x
    cum = np.concatenate([[0.0], np.cumsum(dur)])
    vals = np.empty(2 * len(x))
    vals[0::2], vals[1::2] = cum[:-1], cum[1:]
    return knots, vals


def pct(a, q):
    return float(np.percentile(a, q)) if len(a) else float('nan')


def load(data):
    meta = json.load(open(os.path.join(data, 'meta.json')))
    rq = read_csv(os.path.join(data, 'requests.csv'))
    rs, re_, rv = read_int_csv(os.path.join(data, 'energy_reads.csv.gz'),
                               ['read_start_epoch_ns', 'read_end_epoch_ns', 'energy_mj'])
    dense = read_csv(os.path.join(data, 'power_10ms.csv.gz'))
    slow = read_csv(os.path.join(data, 'power_500ms.csv'))
    # one origin for every time axis; float seconds keep ~0.1 us resolution over an hour
    origin = int(rs[0])
    req = {
        'cell': rq['cell'].astype(int), 'request': rq['request'].astype(int),
        'isl': rq['prompt_tokens'], 'osl': rq['output_tokens'],
    }
    for k, col in [('t0', 'start_epoch_ns'), ('t1', 'first_token_epoch_ns'), ('t2', 'end_epoch_ns')]:
        req[k] = np.array(_int_column(os.path.join(data, 'requests.csv'), col)) - origin
        req[k] = req[k] / NS
    reads = {'s': (rs - origin) / NS, 'e': (re_ - origin) / NS, 'v': rv.astype(float) / 1000.0}  # J
    ds, de = read_int_csv(os.path.join(data, 'power_10ms.csv.gz'), ['read_start_epoch_ns', 'read_end_epoch_ns'])
    ss, se = read_int_csv(os.path.join(data, 'power_500ms.csv'), ['read_start_epoch_ns', 'read_end_epoch_ns'])
    dense_t = ((ds - origin) + (de - origin)) / 2 / NS
    slow_t = ((ss - origin) + (se - origin)) / 2 / NS
    traces = {
        'inst10': Trace(dense_t, dense['power_instant_mw'] / 1000, '10 ms instant'),
        'avg10': Trace(dense_t, dense['power_average_mw'] / 1000, '10 ms averaged'),
        'inst500': Trace(slow_t, slow['power_instant_mw'] / 1000, '500 ms instant'),
        'avg500': Trace(slow_t, slow['power_average_mw'] / 1000, '500 ms averaged'),
    }
    return meta, req, reads, traces, origin


def _int_column(path, name):
    with open(path, newline='') as f:
        r = csv.DictReader(f)
        return [int(x[name]) for x in r]


# ---------------------------------------------------------------- the counter

def counter_knots(reads):
    s, e, v = reads['s'], reads['e'], reads['v']
    dv = np.diff(v)
    if np.any(dv < 0):
        raise ValueError('energy counter went backwards at read %d' % int(np.nonzero(dv < 0)[0][0] + 1))
    j = np.nonzero(dv > 0)[0] + 1  # first read that shows the new value
    m = (s + e) / 2
    # the value changed after the previous read latched it and before this read did; latch ~ mid-read
    lo, hi = m[j - 1], m[j]
    return {'tau_hat': (lo + hi) / 2, 'half_width': (hi - lo) / 2, 'v': v[j], 'lo': lo, 'hi': hi,
            'read_s': e - s, 'v0': v[0], 't_first': m[0]}


def refresh_grid(k):
    """Fit tau = a + b * n; n from the median spacing. Returns fitted knot times and the fit's statistics."""
    tau = k['tau_hat']
    d = np.diff(tau)
    step = float(np.median(d))
    # count refreshes gap by gap (rounding each gap, not the elapsed time: read spacing quantises the gaps)
    n = np.concatenate([[0], np.cumsum(np.maximum(1, np.round(d / step)))]).astype(np.int64)
    A = np.vstack([np.ones_like(tau), n.astype(float)]).T
    coef, *_ = np.linalg.lstsq(A, tau, rcond=None)
    fit = A @ coef
    r = tau - fit
    # the brackets every fitted knot must fall in: how much phase slack the grid leaves
    slack_lo = np.max(k['lo'] - fit)
    slack_hi = np.min(k['hi'] - fit)
    stats = {'knots': len(tau), 'spacing_median_ms': 1000 * step, 'spacing_p1_ms': 1000 * pct(d, 1),
             'spacing_p99_ms': 1000 * pct(d, 99), 'missed_refreshes': int(np.sum(np.diff(n) - 1)),
             'fitted_period_ms': 1000 * coef[1], 'residual_rms_ms': 1000 * float(np.sqrt(np.mean(r * r))),
             'residual_max_ms': 1000 * float(np.max(np.abs(r))),
             'brackets_consistent': bool(slack_lo <= slack_hi),
             'phase_slack_ms': 1000 * float(slack_hi - slack_lo),
             'read_ms_median': 1000 * float(np.median(k['read_s'])), 'read_ms_max': 1000 * float(np.max(k['read_s'])),
             'bracket_half_width_ms_median': 1000 * float(np.median(k['half_width']))}
    return fit, r, stats


def state_design(req, a, b):
    """Time (s) each interval (a_i, b_i] spends idle, and in each cell's prefill and decode."""
    cells = np.unique(req['cell'])
    cols, names = [], []
    busy = np.zeros_like(a)
    for c in cells:
        sel = req['cell'] == c
        for ph, (x, y) in (('prefill', (req['t0'][sel], req['t1'][sel])), ('decode', (req['t1'][sel], req['t2'][sel]))):
            kn, vals = step_time_functions((x, y))
            col = np.interp(b, kn, vals) - np.interp(a, kn, vals)
            cols.append(col)
            names.append((int(c), ph))
            busy += col
    idle = (b - a) - busy
    return np.vstack([idle] + cols).T, [('all', 'idle')] + names


def fit_lag(req, tau, v, lags):
    """Shift L (s) of the counter's time axis that best explains its increments by state powers (least squares)."""
    a0, b0 = tau[:-1], tau[1:]
    dE = np.diff(v)
    # only intervals near the workload (idle far from any request says nothing about the shift)
    near = (b0 > req['t0'].min() - 2) & (a0 < req['t2'].max() + 2)
    out = []
    for L in lags:
        X, _ = state_design(req, a0[near] - L, b0[near] - L)
        coef, res, *_ = np.linalg.lstsq(X, dE[near], rcond=None)
        r = dE[near] - X @ coef
        out.append(float(np.sum(r * r)))
    return np.array(out)


class CounterTruth:
    def __init__(self, knot_t, v, half_width_s, traces):
        self.t, self.v = knot_t, v
        self.D = np.diff(knot_t)
        self.Pbar = np.diff(v) / self.D
        inst = traces['inst10']
        n = len(self.Pbar)
        lo = np.empty(n)
        hi = np.empty(n)
        for k in range(n):
            nb = self.Pbar[max(0, k - 1):min(n, k + 2)]
            i0, i1 = np.searchsorted(inst.t, [knot_t[k] - 0.1, knot_t[k + 1] + 0.1])
            ps = inst.p[i0:i1]
            lo[k] = min(nb.min(), ps.min()) if len(ps) else nb.min()
            hi[k] = max(nb.max(), ps.max()) if len(ps) else nb.max()
        self.Pmin, self.Pmax = lo, hi
        self.dt = half_width_s

    def at(self, x):
        x = np.asarray(x, dtype=float)
        if np.any(x < self.t[0]) or np.any(x > self.t[-1]):
            raise ValueError('a window extends beyond the counter knots')
        k = np.clip(np.searchsorted(self.t, x, side='right') - 1, 0, len(self.D) - 1)
        u = (x - self.t[k]) / self.D[k]
        e = self.v[k] + u * (self.v[k + 1] - self.v[k])
        bound = (self.Pmax[k] - self.Pmin[k]) * u * (1 - u) * self.D[k] + self.Pbar[k] * self.dt
        return e, bound, k

    def window(self, a, b):
        ea, ba, ka = self.at(a)
        eb, bb, kb = self.at(b)
        bound = ba + bb
        same = ka == kb
        inside = (self.Pmax[ka] - self.Pmin[ka]) * (b - a) + 2 * self.Pbar[ka] * self.dt
        bound = np.where(same, np.minimum(bound, inside), bound)
        return eb - ea, bound


class StateTruth:
    """E(t) between counter knots, bounded by what the GPU was doing: the request stamps say which state (idle,
    prefill, decode, the 0.3 s after a request) holds each instant, and each state of each cell has a power range
    [L, U] (below). Inside refresh interval k the energy X left of t obeys both
    L-integral(left) <= X <= U-integral(left) and dE_k - U-integral(right) <= X <= dE_k - L-integral(right):
    the truth is the middle of that feasible range, its half-width the bound (plus the knot-time and lag terms).
    Where the feasible range is empty the ranges were wrong there: the linear truth and its bound are used instead
    and the endpoint is counted."""

    DECAY_S = 0.3
    AGE_S = 0.2

    def __init__(self, knot_t, v, dt_knot, dlag, req, calib, traces, inst_lag, linear):
        self.t, self.v, self.dt, self.dlag, self.linear = knot_t, v, dt_knot, dlag, linear
        self.Pbar = np.diff(v) / np.diff(knot_t)
        inst = traces['inst10']
        # a reading refreshes every 100 ms and shows power from up to AGE_S before it is read: it speaks for a state
        # only when the whole of [read - AGE_S, read] lies inside that state's segment
        rt, rp = inst.t, inst.p
        glob_max = float(rp.max())
        # every busy request, calibration included, in time order
        t0 = np.concatenate([req['t0'], calib[0]])
        t1 = np.concatenate([req['t1'], calib[1]])
        t2 = np.concatenate([req['t2'], calib[2]])
        cell = np.concatenate([req['cell'], -np.ones(len(calib[0]), dtype=int)])
        o = np.argsort(t0)
        t0, t1, t2, cell = t0[o], t1[o], t2[o], cell[o]
        idle_all = self._readings_in(rt, rp, np.concatenate([[rt[0] - 1], t2 + self.DECAY_S]),
                                     np.concatenate([t0, [rt[-1] + 1]]))
        g_idle = (float(idle_all.min()), float(idle_all.max()))
        ranges = {}
        for c in np.unique(req['cell']):
            s = cell == c
            nxt = np.searchsorted(t0, t0[s], side='right')
            nxt_t0 = np.where(nxt < len(t0), t0[np.minimum(nxt, len(t0) - 1)], np.inf)
            idle = self._readings_in(rt, rp, t2[s] + self.DECAY_S, np.minimum(nxt_t0, t2[s] + 5))
            pre = self._readings_in(rt, rp, t0[s], t1[s])
            dec = self._readings_in(rt, rp, t1[s], t2[s])
            iL, iU = (idle.min(), idle.max()) if len(idle) else g_idle
            L = iL * 0.95 - 5
            Ui = iU * 1.05 + 5
            Up = pre.max() * 1.05 + 5 if len(pre) else glob_max * 1.05
            Ud = dec.max() * 1.05 + 5 if len(dec) else glob_max * 1.05
            Ld = min(dec.min() * 0.95 - 5, Ui) if len(dec) else L
            # prefill and the 0.3 s after a request may sit anywhere down to idle (ramps); decode as read
            ranges[int(c)] = {'idle': (L, Ui), 'prefill': (L, Up), 'decode': (Ld, Ud), 'decay': (L, max(Ud, Ui))}
        gL = g_idle[0] * 0.95 - 5
        gr = {'idle': (gL, g_idle[1] * 1.05 + 5), 'prefill': (gL, glob_max * 1.05), 'decode': (gL, glob_max * 1.05),
              'decay': (gL, glob_max * 1.05)}
        self.ranges = ranges
        # contiguous segments from before the first request to after the last
        b, Ls, Us = [self.t[0] - 1.0], [], []

        def add(end, c, state):
            if end > b[-1]:
                lo, hi = (ranges.get(int(c), gr) if c >= 0 else gr)[state]
                b.append(end)
                Ls.append(lo)
                Us.append(hi)

        for i in range(len(t0)):
            prev_c = cell[i - 1] if i else cell[i]
            if i:
                add(min(t2[i - 1] + self.DECAY_S, t0[i]), prev_c, 'decay')
            add(t0[i], cell[i], 'idle')
            add(t1[i], cell[i], 'prefill')
            add(t2[i], cell[i], 'decode')
        add(t2[-1] + self.DECAY_S, cell[-1], 'decay')
        add(self.t[-1] + 1.0, cell[-1], 'idle')
        self.b = np.array(b)
        self.L, self.U = np.array(Ls), np.array(Us)
        self.FL = np.concatenate([[0.0], np.cumsum(self.L * np.diff(self.b))])
        self.FU = np.concatenate([[0.0], np.cumsum(self.U * np.diff(self.b))])
        self.inconsistent = 0
        self.endpoints = 0

    @staticmethod
    def _readings_in(rt, rp, a, b):
        keep = np.zeros(len(rt), dtype=bool)
        i0 = np.searchsorted(rt, a + StateTruth.AGE_S)
        i1 = np.searchsorted(rt, b)
        for x, y in zip(i0, i1):
            if y > x:
                keep[x:y] = True
        return rp[keep]

    def _lo(self, x):
        return np.interp(x, self.b, self.FL)

    def _hi(self, x):
        return np.interp(x, self.b, self.FU)

    def _mid_level(self, x):
        i = np.clip(np.searchsorted(self.b, x, side='right') - 1, 0, len(self.L) - 1)
        return (self.L[i] + self.U[i]) / 2

    def _feasible(self, a, b, k):
        """Bounds of the energy in [a, b], a sub-window of refresh interval k."""
        ta, tb = self.t[k], self.t[k + 1]
        dE = self.v[k + 1] - self.v[k]
        rest_lo = (self._lo(a) - self._lo(ta)) + (self._lo(tb) - self._lo(b))
        rest_hi = (self._hi(a) - self._hi(ta)) + (self._hi(tb) - self._hi(b))
        lo = np.maximum(self._lo(b) - self._lo(a), dE - rest_hi)
        hi = np.minimum(self._hi(b) - self._hi(a), dE - rest_lo)
        return lo, hi

    def at(self, x):
        x = np.asarray(x, dtype=float)
        k = np.clip(np.searchsorted(self.t, x, side='right') - 1, 0, len(self.Pbar) - 1)
        lo, hi = self._feasible(self.t[k], x, k)
        ok = lo <= hi
        e_lin, b_lin, _ = self.linear.at(x)
        e = np.where(ok, self.v[k] + (lo + hi) / 2, e_lin)
        jump = np.abs(self._mid_level(x + 1e-6) - self._mid_level(x - 1e-6))
        bound = np.where(ok, (hi - lo) / 2, b_lin) + self.Pbar[k] * self.dt + jump * self.dlag
        self.inconsistent += int((~ok).sum())
        self.endpoints += len(x)
        return e, bound, k

    def window(self, a, b):
        ea, ba, ka = self.at(a)
        eb, bb, kb = self.at(b)
        e, bound = eb - ea, ba + bb
        same = ka == kb
        if same.any():
            lo, hi = self._feasible(a[same], b[same], ka[same])
            ok = lo <= hi
            jump = (np.abs(self._mid_level(a[same] + 1e-6) - self._mid_level(a[same] - 1e-6)) +
                    np.abs(self._mid_level(b[same] + 1e-6) - self._mid_level(b[same] - 1e-6)))
            b_in = np.where(ok, (hi - lo) / 2 + 2 * self.Pbar[ka[same]] * self.dt + jump * self.dlag, np.inf)
            better = b_in < bound[same]
            e, bound = e.copy(), bound.copy()
            e[same] = np.where(better, (lo + hi) / 2, e[same])
            bound[same] = np.where(better, b_in, bound[same])
        return e, bound


# ---------------------------------------------------------------- estimators

def thinned(trace, every, offset, name):
    return Trace(trace.t[offset::every], trace.p[offset::every], name)


def fit_counter(reads, req):
    """Knot times on the fitted refresh grid, shifted by the counter's lag behind the workload; with uncertainties."""
    k = counter_knots(reads)
    fit_t, resid, grid = refresh_grid(k)
    s, e = reads['s'], reads['e']
    j = np.nonzero(np.diff(reads['v']) > 0)[0] + 1
    grid['outside_loose_brackets'] = int(np.sum((fit_t < s[j - 1]) | (fit_t > e[j])))
    # phase: the offsets of the grid that keep >= 99 % of knots inside their mid-read brackets
    offs = np.arange(-0.005, 0.00501, 0.0001)
    viol = np.array([np.mean((fit_t + c < k['lo']) | (fit_t + c > k['hi'])) for c in offs])
    okc = offs[viol <= 0.01]
    dt_knot = float((okc.max() - okc.min()) / 2 + 0.0001) if len(okc) else float(np.median(k['half_width']))
    grid['tight_bracket_violations_at_fit'] = int(np.sum((fit_t < k['lo']) | (fit_t > k['hi'])))
    if grid['outside_loose_brackets'] > 0:
        fit_t, dt_knot = k['tau_hat'], float(np.median(k['half_width']))
    coarse = np.arange(-0.2, 0.2001, 0.01)
    sse_c = fit_lag(req, fit_t, k['v'], coarse)
    L0 = coarse[int(np.argmin(sse_c))]
    fine = np.arange(L0 - 0.02, L0 + 0.0201, 0.001)
    sse_f = fit_lag(req, fit_t, k['v'], fine)
    lag = float(fine[int(np.argmin(sse_f))])
    near = fine[sse_f <= 1.05 * sse_f.min()]
    dlag = float(max(lag - near.min(), near.max() - lag, 0.001))
    return k, fit_t - lag, grid, lag, dlag, dt_knot, {'%.3f' % x: float(y) for x, y in zip(fine, sse_f / sse_f.min())}


def instant_lag(inst, knot_t, v):
    """Shift of the instant reading behind the counter: the one whose 10 ms trace best matches each 100 ms delta."""
    shifts = np.arange(0.0, 0.2001, 0.005)
    a, b, dE = knot_t[5:-6], knot_t[6:-5], np.diff(v[5:-5])
    rms = [float(np.sqrt(np.mean((inst.energy(a + d, b + d) - dE) ** 2))) for d in shifts]
    return float(shifts[int(np.argmin(rms))]), min(rms), rms[0]


def analyze_run(data):
    meta, req, reads, traces, origin = load(data)
    k, knot_t, grid, lag, dlag, dt_knot, lag_curve = fit_counter(reads, req)
    linear = CounterTruth(knot_t, k['v'], dt_knot, traces)
    ilag, irms, irms0 = instant_lag(traces['inst10'], knot_t, k['v'])
    cal = meta.get('calibration', [])
    calib = [np.array([(c[f] - origin) / NS for c in cal]) for f in ('start_epoch_ns', 'first_token_epoch_ns',
                                                                      'end_epoch_ns')]
    truth = StateTruth(knot_t, k['v'], dt_knot, dlag, req, calib, traces, ilag, linear)
    win = {'total': (req['t0'], req['t2']), 'prefill': (req['t0'], req['t1']), 'decode': (req['t1'], req['t2'])}
    T, B, TL, BL = {}, {}, {}, {}
    for w, (a, b) in win.items():
        T[w], B[w] = truth.window(a, b)
        TL[w], BL[w] = linear.window(a, b)
    # the whole run: trace integrals against the counter
    a_run = max([knot_t[0]] + [tr.t[0] for tr in traces.values()]) + 0.2
    b_run = min([knot_t[-1]] + [tr.t[-1] for tr in traces.values()]) - 0.2
    e_run = float(linear.window(np.array([a_run]), np.array([b_run]))[0][0])
    shifted = lambda tr, name: Trace(tr.t - ilag, tr.p, name)  # noqa: E731
    est = {'10 ms instant': traces['inst10'], '10 ms instant, lag-corrected': shifted(traces['inst10'], 'x'),
           '10 ms averaged': traces['avg10'], '500 ms instant': traces['inst500'],
           '500 ms instant, lag-corrected': shifted(traces['inst500'], 'y'), '500 ms averaged': traces['avg500']}
    ratios = {name: float(tr.energy(np.array([a_run]), np.array([b_run]))[0] / e_run)
              for name, tr in est.items() if 'lag-corrected' not in name}
    thin = [thinned(traces['inst10'], 50, o, 'thin') for o in range(0, 50, 5)]
    E = {(name, w): tr.energy(a, b) for name, tr in est.items() for w, (a, b) in win.items()}
    for w, (a, b) in win.items():
        E[('500 ms thinned (10 phases)', w)] = np.stack([tr.energy(a, b) for tr in thin])
    run = os.path.basename(os.path.normpath(data))
    return {'run': run, 'meta': meta, 'req': req, 'T': T, 'B': B, 'TL': TL, 'BL': BL, 'E': E, 'slow': traces['inst500'],
            'counter': {'grid': grid, 'lag_ms': 1000 * lag, 'lag_uncertainty_ms': 1000 * dlag,
                        'knot_uncertainty_ms': 1000 * dt_knot, 'instant_reading_lag_ms': 1000 * ilag,
                        'instant_10ms_vs_100ms_delta_rms_j': {'as read': irms0, 'lag-corrected': irms},
                        'trace_over_counter': ratios, 'run_window_s': b_run - a_run, 'run_energy_j': e_run,
                        'state_truth_inconsistent_endpoints': truth.inconsistent,
                        'state_truth_endpoints': truth.endpoints, 'lag_sse_relative': lag_curve},
            'knots': (knot_t, k, origin), 'ranges': truth.ranges}


def summarise(err):
    a = np.abs(err)
    if not len(a):
        return None
    return {'n': len(err), 'median': pct(a, 50), 'p90': pct(a, 90), 'max': float(a.max()), 'bias': float(np.mean(err))}


def fmt(sm):
    if sm is None:
        return '—'
    return '%.1f / %.1f / %.1f (%+.1f)' % (100 * sm['median'], 100 * sm['p90'], 100 * sm['max'], 100 * sm['bias'])


ESTIMATORS = ['500 ms instant', '500 ms thinned (10 phases)', '500 ms averaged', '500 ms instant, lag-corrected',
              '10 ms instant', '10 ms averaged', '10 ms instant, lag-corrected']


def class_table(P, runs, window, key, classes, label):
    """One row per estimator, one column per class of `key` (latency or TTFT), truthful windows only."""
    P('| estimator | ' + ' | '.join(label(c) for c in classes) + ' |')
    P('|---' * (len(classes) + 1) + '|')
    for name in ESTIMATORS:
        cols = []
        for lo, hi in classes:
            errs = []
            for r in runs:
                x = key(r['req'])
                m = (x >= lo) & (x < hi) & (r['B'][window] <= TRUTHFUL_REL_BOUND * r['T'][window])
                e = r['E'][(name, window)]
                errs.append(((e[..., m] - r['T'][window][m]) / r['T'][window][m]).ravel())
            errs = np.concatenate(errs)
            cols.append(fmt(summarise(errs)) + (' n=%d' % len(errs) if len(errs) else ''))
        P('| %s | %s |' % (name, ' | '.join(cols)))
    counts = []
    for lo, hi in classes:
        n_all = sum(int(((key(r['req']) >= lo) & (key(r['req']) < hi)).sum()) for r in runs)
        n_ok = sum(int(((key(r['req']) >= lo) & (key(r['req']) < hi) &
                        (r['B'][window] <= TRUTHFUL_REL_BOUND * r['T'][window])).sum()) for r in runs)
        counts.append('%d of %d' % (n_ok, n_all))
    P('| truthful %s windows (bound ≤ %d %%) | %s |' % (window, 100 * TRUTHFUL_REL_BOUND, ' | '.join(counts)))


def cell_rows(r):
    req, T, B, E, slow = r['req'], r['T'], r['B'], r['E'], r['slow']
    ttft, rl = req['t1'] - req['t0'], req['t2'] - req['t0']
    rows = []
    for c in np.unique(req['cell']):
        s = req['cell'] == c
        osl = req['osl'][s]
        row = {'run': r['run'], 'cell': int(c), 'requests': int(s.sum()), 'prompt_tokens': int(req['isl'][s][0]),
               'output_tokens': int(osl[0]), 'ttft_p50_s': float(np.median(ttft[s])),
               'rl_p50_s': float(np.median(rl[s])), 'rl_mean_s': float(np.mean(rl[s]))}
        for w in ('total', 'prefill', 'decode'):
            row['true_%s_j' % w] = float(T[w][s].sum())
            row['bound_%s_j' % w] = float(B[w][s].sum())
            row['bound_indep_%s_j' % w] = float(np.sqrt(np.sum(B[w][s] ** 2)))
            row['linear_%s_j' % w] = float(r['TL'][w][s].sum())
        tok_true = osl.sum() / row['true_total_j']
        row['true_output_tok_per_j'] = tok_true
        for name in ESTIMATORS:
            e_tot = r['E'][(name, 'total')][..., s].sum(axis=-1)
            e_pre = r['E'][(name, 'prefill')][..., s].sum(axis=-1)
            row['tokj_err:' + name] = np.atleast_1d((osl.sum() / e_tot) / tok_true - 1)
            row['prefill_err:' + name] = np.atleast_1d(e_pre / row['true_prefill_j'] - 1)
        # the seed: samples of the 500 ms logger in [first start, last end]
        w0, w1 = req['t0'][s].min(), req['t2'][s].max()
        S = slow.p[(slow.t >= w0) & (slow.t <= w1)]
        row['seed_samples'] = int(len(S))
        p_med, p_mean = float(np.median(S)), float(np.mean(S))
        row['tokj_err:seed: median P × p50 RL'] = np.atleast_1d(
            float(np.median(osl)) / (p_med * row['rl_p50_s']) / tok_true - 1)
        row['tokj_err:seed: mean P × mean RL'] = np.atleast_1d(
            float(np.mean(osl)) / (p_mean * row['rl_mean_s']) / tok_true - 1)
        inpre = np.zeros(len(slow.t), dtype=bool)
        for a, b in zip(req['t0'][s], req['t1'][s]):
            inpre |= (slow.t >= a) & (slow.t <= b)
        p_pre = float(np.median(slow.p[inpre])) if inpre.any() else p_med
        row['seed_prefill_samples'] = int(inpre.sum())
        row['prefill_err:seed: median P_prefill × p50 TTFT'] = np.atleast_1d(
            p_pre * row['ttft_p50_s'] * s.sum() / row['true_prefill_j'] - 1)
        rows.append(row)
    return rows


def report(runs):
    lines = []
    P = lines.append
    n = sum(len(r['req']['t0']) for r in runs)
    P('%d requests in %d cells, runs %s' % (n, sum(len(np.unique(r['req']['cell'])) for r in runs),
                                           ', '.join(r['run'] for r in runs)))
    P('')
    P('## The counter')
    for r in runs:
        c = r['counter']
        g = c['grid']
        P('- %s: %d refreshes, spacing median %.3f ms (p1 %.1f, p99 %.1f), %d missed; fitted period %.4f ms; '
          'detection residual rms %.2f ms (max %.1f); grid outside the loose read brackets at %d knots, outside the '
          'mid-read brackets at %d; knot-time uncertainty ±%.2f ms; reads median %.2f ms (max %.0f)' % (
              r['run'], g['knots'], g['spacing_median_ms'], g['spacing_p1_ms'], g['spacing_p99_ms'],
              g['missed_refreshes'], g['fitted_period_ms'], g['residual_rms_ms'], g['residual_max_ms'],
              g['outside_loose_brackets'], g['tight_bracket_violations_at_fit'], c['knot_uncertainty_ms'],
              g['read_ms_median'], g['read_ms_max']))
        P('  lag of the counter behind the workload %.0f ± %.0f ms; instant reading behind the counter %.0f ms '
          '(100 ms deltas from the 10 ms instant trace: rms %.2f J as read, %.2f J lag-corrected); state-bounded '
          'truth inconsistent at %d of %d endpoints' % (
              c['lag_ms'], c['lag_uncertainty_ms'], c['instant_reading_lag_ms'],
              c['instant_10ms_vs_100ms_delta_rms_j']['as read'], c['instant_10ms_vs_100ms_delta_rms_j']['lag-corrected'],
              c['state_truth_inconsistent_endpoints'], c['state_truth_endpoints']))
        P('  whole run (%.0f s, %.0f kJ): trace integral / counter: %s' % (
            c['run_window_s'], c['run_energy_j'] / 1000,
            ', '.join('%s %.4f' % (k2, v2) for k2, v2 in c['trace_over_counter'].items())))
    P('')
    P('## Truth bounds (state-bounded truth; linear interpolation for comparison)')
    P('| window | truthful (bound ≤ 2 %) | bound / energy median | p90 | max | linear − state truth: median | max |')
    P('|---|---|---|---|---|---|---|')
    for w in ('total', 'prefill', 'decode'):
        T = np.concatenate([r['T'][w] for r in runs])
        B = np.concatenate([r['B'][w] for r in runs])
        TL = np.concatenate([r['TL'][w] for r in runs])
        rb = B / T
        d = (TL - T) / T
        P('| %s | %d of %d | %.2f %% | %.2f %% | %.1f %% | %+.2f %% | %+.1f %% |' % (
            w, int((rb <= TRUTHFUL_REL_BOUND).sum()), len(T), 100 * np.median(rb), 100 * pct(rb, 90), 100 * rb.max(),
            100 * np.median(d), 100 * d[np.argmax(np.abs(d))]))
    P('')
    P('## Per-request total energy: |error| % median / p90 / max (mean signed error), truthful windows')
    class_table(P, runs, 'total', lambda q: q['t2'] - q['t0'], [(0, 0.6), (0.6, 1.5), (1.5, 3), (3, 99)],
                lambda c: 'RL %.1f–%.1f s' % c if c[1] < 99 else 'RL ≥ %.0f s' % c[0])
    P('')
    P('## Per-request prefill energy: |error| % median / p90 / max (mean signed error), truthful windows')
    class_table(P, runs, 'prefill', lambda q: q['t1'] - q['t0'], [(0, 0.1), (0.1, 0.3), (0.3, 0.6), (0.6, 9)],
                lambda c: 'TTFT %.1f–%.1f s' % c)
    P('')
    P('## Per-request decode energy: |error| % median / p90 / max (mean signed error), truthful windows')
    class_table(P, runs, 'decode', lambda q: q['t2'] - q['t1'], [(0, 0.6), (0.6, 1.5), (1.5, 3), (3, 99)],
                lambda c: 'decode %.1f–%.1f s' % c if c[1] < 99 else 'decode ≥ %.0f s' % c[0])
    rows = [row for r in runs for row in cell_rows(r)]
    P('')
    P('## Per cell (%d cells): output tok/J = Σ tokens / Σ energy, |error| %% median / p90 / max (bias)' % len(rows))
    ok = [row for row in rows if row['bound_total_j'] <= TRUTHFUL_REL_BOUND * row['true_total_j']]
    P('cells whose total is truthful (Σ bound ≤ 2 %%): %d of %d' % (len(ok), len(rows)))
    P('')
    P('| estimator | all cells | truthful cells |')
    P('|---|---|---|')
    for name in ESTIMATORS + ['seed: median P × p50 RL', 'seed: mean P × mean RL']:
        a = np.concatenate([row['tokj_err:' + name] for row in rows])
        b = np.concatenate([row['tokj_err:' + name] for row in ok]) if ok else np.array([])
        P('| %s | %s | %s |' % (name, fmt(summarise(a)), fmt(summarise(b))))
    P('')
    okp = [row for row in rows if row['bound_prefill_j'] <= TRUTHFUL_REL_BOUND * row['true_prefill_j']]
    oki = [row for row in rows if row['bound_indep_prefill_j'] <= TRUTHFUL_REL_BOUND * row['true_prefill_j']]
    P('## Per cell: prefill energy Σ over the cell; truthful prefill sums: %d of %d worst-case (Σ bounds), %d of %d '
      'if the requests\' truth errors are independent (√Σ bound²)' % (len(okp), len(rows), len(oki), len(rows)))
    for w in ('total', 'prefill', 'decode'):
        wc = np.array([row['bound_%s_j' % w] / row['true_%s_j' % w] for row in rows])
        ind = np.array([row['bound_indep_%s_j' % w] / row['true_%s_j' % w] for row in rows])
        P('- %s: cell bound / energy, worst case median %.2f %% (min %.2f, max %.1f); independent median %.2f %% '
          '(min %.2f, max %.1f)' % (w, 100 * np.median(wc), 100 * wc.min(), 100 * wc.max(), 100 * np.median(ind),
                                    100 * ind.min(), 100 * ind.max()))
    P('')
    P('| estimator | truthful cells (worst case) | truthful cells (independent errors) |')
    P('|---|---|---|')
    for name in ESTIMATORS + ['seed: median P_prefill × p50 TTFT']:
        b = np.concatenate([row['prefill_err:' + name] for row in okp]) if okp else np.array([])
        bi = np.concatenate([row['prefill_err:' + name] for row in oki]) if oki else np.array([])
        P('| %s | %s | %s |' % (name, fmt(summarise(b)), fmt(summarise(bi))))
    P('')
    P('## Cells')
    P('| run | cell | prompt | output | TTFT p50 s | RL p50 s | true tok/J (± bound) | 500 ms inst | 10 ms inst | '
      'seed med P × p50 RL | true prefill J / request (± bound) |')
    P('|---|---|---|---|---|---|---|---|---|---|---|')
    for row in rows:
        P('| %s | %d | %d | %d | %.3f | %.3f | %.4f (± %.2f %%) | %+.1f %% | %+.1f %% | %+.1f %% | %.2f (± %.1f %%) |' % (
            row['run'], row['cell'], row['prompt_tokens'], row['output_tokens'], row['ttft_p50_s'], row['rl_p50_s'],
            row['true_output_tok_per_j'], 100 * row['bound_total_j'] / row['true_total_j'],
            100 * row['tokj_err:500 ms instant'][0], 100 * row['tokj_err:10 ms instant'][0],
            100 * row['tokj_err:seed: median P × p50 RL'][0], row['true_prefill_j'] / row['requests'],
            100 * row['bound_prefill_j'] / row['true_prefill_j']))
    return lines, rows


def write_derived(r, data):
    req, T, B = r['req'], r['T'], r['B']
    knot_t, k, origin = r['knots']
    with open(os.path.join(data, 'truth_requests.csv'), 'w', newline='') as f:
        wr = csv.writer(f)
        wr.writerow(['cell', 'request', 'true_total_j', 'bound_total_j', 'true_prefill_j', 'bound_prefill_j',
                     'true_decode_j', 'bound_decode_j', 'linear_total_j', 'linear_prefill_j', 'linear_decode_j'])
        for i in range(len(req['t0'])):
            wr.writerow([req['cell'][i], req['request'][i]] + ['%.4f' % x for x in (
                T['total'][i], B['total'][i], T['prefill'][i], B['prefill'][i], T['decode'][i], B['decode'][i],
                r['TL']['total'][i], r['TL']['prefill'][i], r['TL']['decode'][i])])
    with open(os.path.join(data, 'counter_knots.csv'), 'w', newline='') as f:
        wr = csv.writer(f)
        wr.writerow(['knot_epoch_ns', 'energy_mj'])
        for t, v in zip(knot_t, k['v']):
            wr.writerow([origin + int(round(t * NS)), int(round(v * 1000))])
    with open(os.path.join(data, 'counter_fit.json'), 'w') as f:
        json.dump({'counter': r['counter'], 'state_power_ranges_w': {str(c): v for c, v in r['ranges'].items()}},
                  f, indent=1, default=float)


def main():
    dirs = [a for a in sys.argv[1:] if not a.startswith('--')]
    if not dirs:
        sys.exit('usage: evaluate_baselines.py DATA_DIR... [--write-derived]')
    runs = [analyze_run(d) for d in dirs]
    lines, _ = report(runs)
    print('\n'.join(lines))
    if '--write-derived' in sys.argv:
        for r, d in zip(runs, dirs):
            write_derived(r, d)
    return 0


if __name__ == '__main__':
    sys.exit(main())
