"""Checks of evaluate_baselines.py against a synthetic card whose exact energy is known.

Run: python3 -m pytest -q benchmarks/gpu/test_evaluate_baselines.py   (numpy, pytest)

The synthetic card mimics what the H100 showed: idle 124 W, prefill 700 W after a 5 ms ramp, decode alternating
110 / 250 W every 6 ms (the token cadence), an exponential 50 ms decay to idle after a request; a counter that holds
the exact integral at a 100 ms grid; an instant reading that refreshes every 100 ms with a point sample taken 20 ms
before the refresh, read every 10 ms.
"""
import numpy as np

import evaluate_baselines as ev

DT = 1e-4  # 0.1 ms


def synthetic_card(seed):
    rng = np.random.default_rng(seed)
    shapes = [(0.02, 0.3), (0.1, 0.6), (0.4, 1.0), (0.9, 2.5)]
    t = 1.5
    rows = []
    for c, (ttft, rl) in enumerate(shapes):
        t += 1.0
        for i in range(10):
            t += rng.uniform(0.1, 0.5)
            rows.append((c, i, t, t + ttft, t + rl))
            t += rl
    end = t + 2.0
    grid = np.arange(0.0, end, DT)
    p = np.full(grid.shape, 124.0)
    for c, i, t0, t1, t2 in rows:
        pre = (grid >= t0) & (grid < t1)
        p[pre] = 124 + (700 - 124) * np.minimum(1.0, (grid[pre] - t0) / 0.005)
        dec = (grid >= t1) & (grid < t2)
        p[dec] = np.where(((grid[dec] - t1) // 0.006) % 2 == 0, 250.0, 110.0)
        after = (grid >= t2) & (grid < t2 + 0.4)
        p[after] = 124 + (180 - 124) * np.exp(-(grid[after] - t2) / 0.05)
    cum = np.concatenate([[0.0], np.cumsum(p[:-1] * DT)])  # exact energy at every grid point (left Riemann, exact)
    req = {'cell': np.array([r[0] for r in rows]), 'request': np.array([r[1] for r in rows]),
           't0': np.array([r[2] for r in rows]), 't1': np.array([r[3] for r in rows]),
           't2': np.array([r[4] for r in rows]), 'isl': np.full(len(rows), 100.0), 'osl': np.full(len(rows), 20.0)}
    return grid, p, cum, req


def exact_energy(grid, cum, a, b):
    return np.interp(b, grid, cum) - np.interp(a, grid, cum)


def card_traces(grid, p, cum, phase):
    knots = np.arange(0.037 + phase, grid[-1] - 0.2, 0.1)
    v = np.interp(knots, grid, cum)
    read_t = np.arange(0.005, grid[-1] - 0.2, 0.01)
    refresh = np.floor((read_t - 0.061) / 0.1) * 0.1 + 0.061  # last refresh of the reading
    inst = np.interp(refresh - 0.02, grid, p)
    traces = {'inst10': ev.Trace(read_t, inst, 'inst')}
    return knots, v, traces


def test_trace_energy_is_exact_for_piecewise_linear_power():
    tr = ev.Trace(np.array([0.0, 1.0, 3.0]), np.array([100.0, 200.0, 200.0]), 't')
    # by hand: 0.5..1: mean of 150 and 200 over 0.5 s = 87.5 J; 1..2.5: 200 W over 1.5 s = 300 J
    assert abs(tr.energy(np.array([0.5]), np.array([2.5]))[0] - 387.5) < 1e-9


def test_refresh_grid_recovers_a_regular_counter():
    period, phase = 0.1000026, 0.0437
    s = np.arange(0.0, 60.0, 0.0029)  # back-to-back reads of 2.9 ms
    e = s + 0.0028
    latch = (s + e) / 2
    v = np.floor((latch - phase) / period) * 7.0  # 7 J per refresh
    k = ev.counter_knots({'s': s, 'e': e, 'v': v})
    fit, resid, stats = ev.refresh_grid(k)
    assert abs(stats['fitted_period_ms'] - 100.0026) < 0.001
    assert stats['missed_refreshes'] == 0
    true_knots = phase + period * np.round((fit - phase) / period)
    assert np.max(np.abs(fit - true_knots)) < 0.0015


def test_state_truth_covers_the_exact_energy_and_linear_is_biased_low():
    inside, total, lin_bias = 0, 0, []
    for seed, phase in [(1, 0.0), (2, 0.033), (3, 0.071)]:
        grid, p, cum, req = synthetic_card(seed)
        knots, v, traces = card_traces(grid, p, cum, phase)
        linear = ev.CounterTruth(knots, v, 0.0003, traces)
        empty = np.array([])
        st = ev.StateTruth(knots, v, 0.0003, 0.002, req, (empty, empty, empty), traces, 0.09, linear)
        for a, b in ((req['t0'], req['t2']), (req['t0'], req['t1']), (req['t1'], req['t2'])):
            exact = exact_energy(grid, cum, a, b)
            e, bound = st.window(a, b)
            inside += int(np.sum(np.abs(e - exact) <= bound + 1e-9))
            total += len(a)
        e_lin, _ = linear.window(req['t0'], req['t2'])
        exact = exact_energy(grid, cum, req['t0'], req['t2'])
        lin_bias.append(np.mean((e_lin - exact) / exact))
    assert inside / total >= 0.97, '%d of %d windows inside their bound' % (inside, total)
    assert max(lin_bias) < 0, lin_bias  # flat power inside a refresh interval loses energy at every step


def test_state_truth_is_closer_than_linear_on_long_prefills():
    grid, p, cum, req = synthetic_card(4)
    knots, v, traces = card_traces(grid, p, cum, 0.052)
    linear = ev.CounterTruth(knots, v, 0.0003, traces)
    empty = np.array([])
    st = ev.StateTruth(knots, v, 0.0003, 0.002, req, (empty, empty, empty), traces, 0.09, linear)
    long_pre = (req['t1'] - req['t0']) >= 0.4
    a, b = req['t0'][long_pre], req['t1'][long_pre]
    exact = exact_energy(grid, cum, a, b)
    err_state = np.abs(st.window(a, b)[0] - exact) / exact
    err_lin = np.abs(linear.window(a, b)[0] - exact) / exact
    assert np.median(err_state) < np.median(err_lin)
