#!/usr/bin/env python3
"""A real single-stream LLM workload on one NVIDIA GPU, with the GPU's hardware energy counter as the truth.

Runs a randomly initialised Llama-3.2-1B-shaped model (bf16, greedy, one token at a time with a sync after every
token, as a streaming server does) over cells of identical-shape requests separated by idle gaps, while three
background processes read NVML:

- the power sampler: fields NVML_FI_DEV_POWER_INSTANT (186) and NVML_FI_DEV_POWER_AVERAGE (185) every 10 ms;
- the slow sampler: the same two fields plus nvmlDeviceGetPowerUsage, SM clock and temperature every 500 ms, on its
  own random phase (what a 2 Hz logger such as tegrastats or `nvidia-smi -l` would record);
- the energy poller: nvmlDeviceGetTotalEnergyConsumption (mJ) read back to back (about 6 ms a read), every read kept
  with the epoch ns before and after it, so the times the counter changes are bracketed.

Separate processes keep the samplers off the workload's Python interpreter lock. Every stamp is time.time_ns() (epoch
ns; the request stamps are taken after torch.cuda.synchronize()). During one cell it also records nvidia-smi's view
(--help-query-gpu, -q, -q -d POWER idle and under load, and a 100 ms --query-gpu log of every power/energy field the
driver accepts) for the Java nvidia-smi source's fixtures.

The cell plan is given as TTFT / request-latency targets; prompt and output lengths are chosen from a calibration
run on the machine itself (prefill time and per-token decode time by prompt length), so the same script hits the
targets on another GPU. The whole run stops at --budget-s: a cell that would not fit is skipped and listed in
meta.json (nothing is silently dropped).

Usage (device machine): PYTHONUNBUFFERED=1 python3 energy_truth.py --out DIR [--budget-s 540]
Local plumbing test without a GPU: python3 energy_truth.py --out /tmp/x --fake --budget-s 40
Outputs in DIR: requests.csv, power_10ms.csv.gz, power_500ms.csv, energy_reads.csv.gz, meta.json, nvidia_smi.tar.
"""
import argparse
import csv
import gzip
import io
import json
import math
import multiprocessing as mp
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import threading
import time
import traceback

FI_POWER_AVERAGE = 185
FI_POWER_INSTANT = 186

# (TTFT target ms, request-latency target s), in the order they run: the spread first, so a run cut short by its
# budget still spans both axes.
DEFAULT_PLAN = [
    (20, 0.3), (1000, 1.5), (100, 1.0), (400, 0.6), (50, 2.5), (200, 0.4), (700, 3.0), (20, 1.2), (300, 1.5),
    (50, 0.4), (600, 1.0), (100, 0.3), (150, 4.0), (250, 2.0), (30, 6.0), (1000, 6.0),
]
# a second run's cells: between and beyond the first plan's
PLAN_B = [
    (1000, 6.0), (30, 6.0), (80, 0.5), (500, 2.0), (20, 0.6), (800, 1.2), (150, 0.8), (350, 3.0), (40, 1.8),
    (120, 2.0), (60, 0.35), (450, 0.8), (250, 0.5), (900, 2.5),
]


# ---------------------------------------------------------------- NVML access (real, or a fake for local tests)

class RealNvml:
    def __init__(self):
        import pynvml
        self.m = pynvml
        pynvml.nvmlInit()
        self.h = pynvml.nvmlDeviceGetHandleByIndex(0)

    def fields_mw(self, ids):
        out = []
        for v in self.m.nvmlDeviceGetFieldValues(self.h, ids):
            if v.nvmlReturn != 0:
                out.append(None)
                continue
            attr = {0: 'dVal', 1: 'uiVal', 2: 'ulVal', 3: 'ullVal', 4: 'sllVal', 5: 'siVal'}.get(v.valueType, 'uiVal')
            out.append(getattr(v.value, attr))
        return out

    def energy_mj(self):
        return self.m.nvmlDeviceGetTotalEnergyConsumption(self.h)

    def power_usage_mw(self):
        return self.m.nvmlDeviceGetPowerUsage(self.h)

    def sm_clock_mhz(self):
        return self.m.nvmlDeviceGetClockInfo(self.h, self.m.NVML_CLOCK_SM)

    def mem_clock_mhz(self):
        return self.m.nvmlDeviceGetClockInfo(self.h, self.m.NVML_CLOCK_MEM)

    def temperature_c(self):
        return self.m.nvmlDeviceGetTemperature(self.h, self.m.NVML_TEMPERATURE_GPU)

    def describe(self):
        m, h = self.m, self.h
        d = {}
        for key, fn in [('name', lambda: m.nvmlDeviceGetName(h)),
                        ('driver_version', m.nvmlSystemGetDriverVersion),
                        ('nvml_version', m.nvmlSystemGetNVMLVersion),
                        ('cuda_driver_version', m.nvmlSystemGetCudaDriverVersion_v2),
                        ('serial', lambda: m.nvmlDeviceGetSerial(h)),
                        ('uuid', lambda: m.nvmlDeviceGetUUID(h)),
                        ('enforced_power_limit_mw', lambda: m.nvmlDeviceGetEnforcedPowerLimit(h)),
                        ('power_management_limit_mw', lambda: m.nvmlDeviceGetPowerManagementLimit(h)),
                        ('memory_total_bytes', lambda: m.nvmlDeviceGetMemoryInfo(h).total),
                        ('max_sm_clock_mhz', lambda: m.nvmlDeviceGetMaxClockInfo(h, m.NVML_CLOCK_SM)),
                        ('persistence_mode', lambda: m.nvmlDeviceGetPersistenceMode(h)),
                        ('pstate', lambda: m.nvmlDeviceGetPerformanceState(h))]:
            try:
                v = fn()
                d[key] = v.decode() if isinstance(v, bytes) else v
            except Exception as e:  # a reading the driver lacks is recorded as such, not dropped
                d[key] = 'unavailable: %r' % (e,)
        return d


class FakeNvml:
    """Local stand-in: 130 W idle, 300 W while /tmp/fake_gpu_busy exists; counter and fields refresh every 100 ms."""

    def __init__(self):
        self.e = 0.0
        self.t = time.time()
        self.last = 130.0

    def _power(self):
        return 300.0 if os.path.exists('/tmp/fake_gpu_busy') else 130.0

    def _tick(self):
        now = time.time()
        k0, k1 = math.floor(self.t * 10), math.floor(now * 10)
        if k1 > k0:
            self.e += self._power() * (k1 - k0) * 0.1 * 1000
            self.last = self._power()
        self.t = now

    def fields_mw(self, ids):
        self._tick()
        return [int(self.last * 1000) for _ in ids]

    def energy_mj(self):
        time.sleep(0.006)
        self._tick()
        return int(self.e)

    def power_usage_mw(self):
        return int(self.last * 1000)

    def sm_clock_mhz(self):
        return 1980

    def mem_clock_mhz(self):
        return 2619

    def temperature_c(self):
        return 40

    def describe(self):
        return {'name': 'fake', 'driver_version': 'fake'}


def open_nvml(fake):
    return FakeNvml() if fake else RealNvml()


# ---------------------------------------------------------------- sampler processes

def on_deadlines(period_ns, stop, read, rows):
    """Calls read() every period_ns until stop; a missed deadline is skipped and counted, not bunched."""
    missed = 0
    nxt = time.monotonic_ns()
    while not stop.is_set():
        now = time.monotonic_ns()
        if nxt > now:
            time.sleep((nxt - now) / 1e9)
        rows.append(read())
        nxt += period_ns
        now = time.monotonic_ns()
        if nxt < now:
            skipped = (now - nxt) // period_ns + 1
            missed += skipped
            nxt += skipped * period_ns
    return missed


def write_rows(path, header, rows):
    with (gzip.open(path, 'wt', newline='') if path.endswith('.gz') else open(path, 'w', newline='')) as f:
        w = csv.writer(f)
        w.writerow(header)
        for r in rows:
            w.writerow(['' if x is None else x for x in r])


def power_sampler(path, period_ns, fake, stop, ready):
    """Fields 186 and 185 every period_ns."""
    nv = open_nvml(fake)
    rows = []
    ready.set()

    def read():
        t0 = time.time_ns()
        inst, avg = nv.fields_mw([FI_POWER_INSTANT, FI_POWER_AVERAGE])
        return t0, time.time_ns(), inst, avg

    missed = on_deadlines(period_ns, stop, read, rows)
    write_rows(path, ['read_start_epoch_ns', 'read_end_epoch_ns', 'power_instant_mw', 'power_average_mw'], rows)
    with open(path + '.stats.json', 'w') as f:
        json.dump({'rows': len(rows), 'missed_deadlines': missed, 'period_ns': period_ns}, f)


def slow_sampler(path, period_ns, fake, stop, ready, seed):
    """A 2 Hz logger on a random phase: fields 186/185, nvmlDeviceGetPowerUsage, SM/memory clock, temperature."""
    nv = open_nvml(fake)
    rows = []
    ready.set()
    time.sleep(random.Random(seed).uniform(0, period_ns / 1e9))

    def read():
        t0 = time.time_ns()
        inst, avg = nv.fields_mw([FI_POWER_INSTANT, FI_POWER_AVERAGE])
        usage = nv.power_usage_mw()
        t1 = time.time_ns()
        return t0, t1, inst, avg, usage, nv.sm_clock_mhz(), nv.mem_clock_mhz(), nv.temperature_c()

    on_deadlines(period_ns, stop, read, rows)
    write_rows(path, ['read_start_epoch_ns', 'read_end_epoch_ns', 'power_instant_mw', 'power_average_mw',
                      'power_usage_mw', 'sm_clock_mhz', 'mem_clock_mhz', 'temperature_c'], rows)


def energy_poller(path, fake, stop, ready):
    """nvmlDeviceGetTotalEnergyConsumption back to back; every read with its epoch-ns bracket."""
    nv = open_nvml(fake)
    rows = []
    ready.set()
    while not stop.is_set():
        t0 = time.time_ns()
        v = nv.energy_mj()
        t1 = time.time_ns()
        rows.append((t0, t1, v))
    write_rows(path, ['read_start_epoch_ns', 'read_end_epoch_ns', 'energy_mj'], rows)


# ---------------------------------------------------------------- nvidia-smi capture (issue 16 fixtures)

def sh(args, timeout=30):
    t0 = time.time_ns()
    try:
        p = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout + (('\n[stderr]\n' + p.stderr) if p.stderr else ''), t0
    except FileNotFoundError as e:
        return 127, 'not found: %s' % e, t0
    except subprocess.TimeoutExpired:
        return 124, 'timed out', t0


WANTED = ('power', 'energy', 'clocks.sm', 'clocks.mem', 'clocks.current.sm', 'clocks.current.memory',
          'temperature.gpu', 'utilization.gpu', 'pstate', 'clocks_event_reasons.active')


class SmiCapture:
    """Everything nvidia-smi shows about power, written into one folder (tarred at the end)."""

    def __init__(self, folder):
        self.dir = folder
        os.makedirs(folder, exist_ok=True)
        self.info = {'files': {}}
        self.fields = []

    def save(self, name, args, timeout=30):
        rc, text, t0 = sh(args, timeout)
        with open(os.path.join(self.dir, name), 'w') as f:
            f.write(text)
        self.info['files'][name] = {'command': ' '.join(args), 'rc': rc, 'start_epoch_ns': t0}
        return rc, text

    def idle(self):
        self.save('nvidia-smi.txt', ['nvidia-smi'])
        self.save('version.txt', ['nvidia-smi', '--version'])
        rc, help_text = self.save('help-query-gpu.txt', ['nvidia-smi', '--help-query-gpu'])
        self.save('q-idle.txt', ['nvidia-smi', '-q'])
        self.save('q-power-idle.txt', ['nvidia-smi', '-q', '-d', 'POWER'])
        names = []
        for line in help_text.splitlines():
            if line.startswith('"'):
                names.extend(re.findall(r'"([^"]+)"', line))
        cand = [n for n in dict.fromkeys(names) if any(w in n for w in WANTED)]
        checks = {}
        rc, text, _ = sh(['nvidia-smi', '--query-gpu=' + ','.join(cand), '--format=csv'], 20)
        checks['all at once'] = {'rc': rc, 'output': text.strip()[:4000]}
        if rc == 0:
            self.fields = cand
        else:  # find the names this driver refuses, one query each
            for n in cand:
                rc, text, _ = sh(['nvidia-smi', '--query-gpu=' + n, '--format=csv'], 10)
                checks[n] = {'rc': rc, 'output': text.strip()[:200]}
                if rc == 0:
                    self.fields.append(n)
        self.info['candidates'] = cand
        self.info['field_checks'] = checks
        # one name per reading: drop aliases that print the same header line
        self.info['fields_queried'] = ['timestamp', 'index'] + self.fields

    def under_load(self, seconds):
        """A 100 ms --query-gpu log with units (seconds − 5 s), then 5 s without units; -q -d POWER half-way."""
        if not self.fields:
            self.info['under_load'] = 'no valid power field (or nvidia-smi missing): nothing logged'
            return
        q = '--query-gpu=' + ','.join(['timestamp', 'index'] + self.fields)
        logs = [('query-100ms.csv', [q, '--format=csv', '-lms', '100'], seconds - 5),
                ('query-100ms-nounits.csv', [q, '--format=csv,nounits', '-lms', '100'], 5)]
        for name, args, dur in logs:
            path = os.path.join(self.dir, name)
            with open(path, 'w') as f:
                t0 = time.time_ns()
                p = subprocess.Popen(['nvidia-smi'] + args, stdout=f, stderr=subprocess.STDOUT)
                if name == 'query-100ms.csv':
                    time.sleep(dur / 2)
                    self.save('q-power-load.txt', ['nvidia-smi', '-q', '-d', 'POWER'])
                    time.sleep(dur / 2)
                else:
                    time.sleep(dur)
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
                t1 = time.time_ns()
            self.info['files'][name] = {'command': 'nvidia-smi ' + ' '.join(args), 'start_epoch_ns': t0,
                                        'stop_epoch_ns': t1, 'rc': p.returncode}

    def finish(self, tar_path):
        with open(os.path.join(self.dir, 'capture.json'), 'w') as f:
            json.dump(self.info, f, indent=1)
        with tarfile.open(tar_path, 'w') as t:
            t.add(self.dir, arcname='nvidia-smi')


# ---------------------------------------------------------------- the model

class Workload:
    """Prefill + greedy decode of a random Llama-3.2-1B-shaped model; Hugging Face's LlamaModel, else our own."""

    def __init__(self, fake, seed, log):
        self.fake = fake
        self.log = log
        self.impl = 'fake'
        if fake:
            return
        import torch
        self.torch = torch
        torch.manual_seed(seed)
        self.vocab = 128256
        try:
            self._build_hf()
            self._smoke()
            self.impl = 'transformers.LlamaForCausalLM (sdpa)'
        except Exception:
            log('Hugging Face model failed, falling back to the built-in Llama:\n' + traceback.format_exc())
            self.model = None
            torch.cuda.empty_cache()
            self._build_own()
            self._smoke()
            self.impl = 'built-in Llama (torch sdpa)'

    def _build_hf(self):
        torch = self.torch
        import transformers
        from transformers import LlamaConfig, LlamaForCausalLM
        kw = dict(vocab_size=self.vocab, hidden_size=2048, intermediate_size=8192, num_hidden_layers=16,
                  num_attention_heads=32, num_key_value_heads=8, max_position_embeddings=131072,
                  rms_norm_eps=1e-5, hidden_act='silu', tie_word_embeddings=True)
        try:
            cfg = LlamaConfig(attn_implementation='sdpa', **kw)
        except TypeError:
            cfg = LlamaConfig(**kw)
        with torch.device('cuda'):
            model = LlamaForCausalLM(cfg)
        self.model = model.to(torch.bfloat16).eval()
        self.params = sum(p.numel() for p in self.model.parameters())
        self.versions = {'transformers': transformers.__version__}
        self.attn = getattr(cfg, '_attn_implementation', None)

        def prefill(ids):
            out = self.model.model(input_ids=ids, use_cache=True)
            logits = self.model.lm_head(out.last_hidden_state[:, -1:, :])
            return logits[:, -1, :].argmax(-1, keepdim=True), out.past_key_values

        def step(tok, cache):
            out = self.model.model(input_ids=tok, past_key_values=cache, use_cache=True)
            logits = self.model.lm_head(out.last_hidden_state[:, -1:, :])
            return logits[:, -1, :].argmax(-1, keepdim=True), out.past_key_values

        self.prefill_fn, self.step_fn = prefill, step

    def _build_own(self):
        torch = self.torch
        F = torch.nn.functional
        V, D, FF, L, H, KV, hd = self.vocab, 2048, 8192, 16, 32, 8, 64
        dev, dt = 'cuda', torch.bfloat16

        def w(*shape):
            return (torch.randn(*shape, device=dev) * 0.02).to(dt)

        emb = w(V, D)
        layers = [dict(qkv=w((H + 2 * KV) * hd, D), o=w(D, H * hd), gu=w(2 * FF, D), down=w(D, FF),
                       n1=torch.ones(D, device=dev, dtype=dt), n2=torch.ones(D, device=dev, dtype=dt))
                  for _ in range(L)]
        norm = torch.ones(D, device=dev, dtype=dt)
        inv = 1.0 / (500000.0 ** (torch.arange(0, hd, 2, device=dev, dtype=torch.float32) / hd))
        self.params = V * D + L * ((H + 2 * KV) * hd * D + D * H * hd + 3 * FF * D + 2 * D) + D
        self.versions = {}
        self.attn = 'torch sdpa'

        def rms(x, g):
            xf = x.float()
            return (xf * torch.rsqrt(xf.pow(2).mean(-1, keepdim=True) + 1e-5)).to(dt) * g

        def rope(x, pos):
            f = torch.outer(pos.float(), inv)
            cos, sin = torch.cat([f, f], -1).cos().to(dt), torch.cat([f, f], -1).sin().to(dt)
            x1, x2 = x[..., :hd // 2], x[..., hd // 2:]
            return x * cos + torch.cat([-x2, x1], -1) * sin

        def forward(ids, cache, pos0):
            T = ids.shape[1]
            x = emb[ids]
            pos = torch.arange(pos0, pos0 + T, device=dev)
            for l, ly in enumerate(layers):
                qkv = F.linear(rms(x, ly['n1']), ly['qkv']).view(1, T, H + 2 * KV, hd).transpose(1, 2)
                q, k, v = rope(qkv[:, :H], pos), rope(qkv[:, H:H + KV], pos), qkv[:, H + KV:]
                kc, vc = cache[l]
                kc[:, :, pos0:pos0 + T] = k
                vc[:, :, pos0:pos0 + T] = v
                a = F.scaled_dot_product_attention(q, kc[:, :, :pos0 + T], vc[:, :, :pos0 + T],
                                                   is_causal=T > 1, enable_gqa=True)
                x = x + F.linear(a.transpose(1, 2).reshape(1, T, H * hd), ly['o'])
                g, u = F.linear(rms(x, ly['n2']), ly['gu']).chunk(2, -1)
                x = x + F.linear(F.silu(g) * u, ly['down'])
            return F.linear(rms(x[:, -1:], norm), emb)[:, -1, :].argmax(-1, keepdim=True)

        self.max_len = 131072

        def prefill(ids):
            P = ids.shape[1]
            n = P + self.cur_out + 1
            cache = [(torch.empty(1, KV, n, hd, device=dev, dtype=dt), torch.empty(1, KV, n, hd, device=dev, dtype=dt))
                     for _ in range(L)]
            tok = forward(ids, cache, 0)
            return tok, [cache, P]

        def step(tok, state):
            cache, pos = state
            nxt = forward(tok, cache, pos)
            state[1] = pos + 1
            return nxt, state

        self.prefill_fn, self.step_fn = prefill, step

    def _smoke(self):
        self.request(64, 4)
        self.request(300, 3)

    def request(self, prompt, output):
        """One request; returns epoch ns (start, first token, end) taken after a device sync."""
        if self.fake:
            t0 = time.time_ns()
            open('/tmp/fake_gpu_busy', 'w').close()
            time.sleep(0.01 + prompt / 100000.0)
            t1 = time.time_ns()
            time.sleep(0.012 * (output - 1))
            os.remove('/tmp/fake_gpu_busy')
            return t0, t1, time.time_ns()
        torch = self.torch
        self.cur_out = output
        with torch.inference_mode():
            ids = torch.randint(0, self.vocab, (1, prompt), device='cuda')
            torch.cuda.synchronize()
            t0 = time.time_ns()
            tok, cache = self.prefill_fn(ids)
            int(tok)
            torch.cuda.synchronize()
            t1 = time.time_ns()
            for _ in range(output - 1):
                tok, cache = self.step_fn(tok, cache)
                int(tok)  # a streaming server hands every token out: one host sync per token
            torch.cuda.synchronize()
            t2 = time.time_ns()
            del cache, tok, ids
        return t0, t1, t2


# ---------------------------------------------------------------- calibration and plan

def interp(x, xs, ys):
    """Piecewise-linear in log-log; clamped at the ends."""
    lx = math.log(x)
    lxs = [math.log(v) for v in xs]
    if lx <= lxs[0]:
        return ys[0]
    if lx >= lxs[-1]:
        return ys[-1]
    for i in range(1, len(xs)):
        if lx <= lxs[i]:
            f = (lx - lxs[i - 1]) / (lxs[i] - lxs[i - 1])
            return math.exp(math.log(ys[i - 1]) + f * (math.log(ys[i]) - math.log(ys[i - 1])))
    return ys[-1]


def calibrate(wl, lengths, log):
    rows = []
    for P in lengths:
        best_ttft, tpts = None, []
        for _ in range(2):
            t0, t1, t2 = wl.request(P, 12)
            rows.append({'prompt_tokens': P, 'output_tokens': 12, 'start_epoch_ns': t0,
                         'first_token_epoch_ns': t1, 'end_epoch_ns': t2})
            ttft = (t1 - t0) / 1e9
            best_ttft = ttft if best_ttft is None else min(best_ttft, ttft)
            tpts.append((t2 - t1) / 1e9 / 11)
            time.sleep(0.1)
        log('calib P=%6d ttft=%.4f s  decode=%.2f ms/token' % (P, best_ttft, 1000 * min(tpts)))
        rows[-1]['ttft_s'] = best_ttft
        rows[-1]['tpt_s'] = min(tpts)
    return rows


def plan_cells(plan, calib, max_prompt):
    xs = [r['prompt_tokens'] for r in calib if 'ttft_s' in r]
    ttfts = [r['ttft_s'] for r in calib if 'ttft_s' in r]
    tpts = [r['tpt_s'] for r in calib if 'tpt_s' in r]
    # TTFT grows with the prompt; invert by bisection on the interpolated curve
    cells = []
    for ttft_ms, rl_s in plan:
        target = ttft_ms / 1000.0
        lo, hi = xs[0], max_prompt
        if target <= interp(lo, xs, ttfts):
            P = lo
        elif target >= interp(hi, xs, ttfts):
            P = hi
        else:
            for _ in range(60):
                mid = math.sqrt(lo * hi)
                if interp(mid, xs, ttfts) < target:
                    lo = mid
                else:
                    hi = mid
            P = int(round(lo / 16.0)) * 16 or 16
        t_pred = interp(P, xs, ttfts)
        tpt = interp(P, xs, tpts)
        O = max(2, int(round((rl_s - t_pred) / tpt)) + 1)
        cells.append({'ttft_target_ms': ttft_ms, 'latency_target_s': rl_s, 'prompt_tokens': P, 'output_tokens': O,
                      'ttft_pred_s': t_pred, 'latency_pred_s': t_pred + (O - 1) * tpt})
    return cells


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--budget-s', type=float, default=540.0, help='wall time of the whole run, setup included')
    ap.add_argument('--requests-per-cell', type=int, default=20)
    ap.add_argument('--gap-min-s', type=float, default=0.1)
    ap.add_argument('--gap-max-s', type=float, default=0.5)
    ap.add_argument('--cell-pause-s', type=float, default=1.0)
    ap.add_argument('--seed', type=int, default=14)
    ap.add_argument('--smi-cell', type=int, default=1, help='cell index during which nvidia-smi logs')
    ap.add_argument('--smi-seconds', type=float, default=27.0)
    ap.add_argument('--max-prompt', type=int, default=65536)
    ap.add_argument('--plan', choices=['A', 'B'], default='A', help='A: DEFAULT_PLAN, B: PLAN_B')
    ap.add_argument('--fake', action='store_true', help='no GPU: fake NVML and a sleeping model (plumbing test)')
    args = ap.parse_args()
    start_wall = time.time()
    os.makedirs(args.out, exist_ok=True)
    logf = open(os.path.join(args.out, 'run.log'), 'a')

    def log(msg):
        line = '[%7.1f s] %s' % (time.time() - start_wall, msg)
        print(line, flush=True)
        logf.write(line + '\n')
        logf.flush()

    meta = {'command': ' '.join(sys.argv), 'args': vars(args), 'start_epoch_ns': time.time_ns(),
            'tz': time.tzname, 'utc_offset_s': -time.timezone, 'python': sys.version}
    nv = open_nvml(args.fake)
    meta['device'] = nv.describe()
    log('device %s' % json.dumps(meta['device']))

    ctx = mp.get_context('spawn')
    stop = ctx.Event()
    readies = [ctx.Event() for _ in range(3)]
    procs = [ctx.Process(target=power_sampler, args=(os.path.join(args.out, 'power_10ms.csv.gz'), 10_000_000,
                                                      args.fake, stop, readies[0])),
             ctx.Process(target=slow_sampler, args=(os.path.join(args.out, 'power_500ms.csv'), 500_000_000,
                                                     args.fake, stop, readies[1], args.seed)),
             ctx.Process(target=energy_poller, args=(os.path.join(args.out, 'energy_reads.csv.gz'), args.fake,
                                                     stop, readies[2]))]
    for p in procs:
        p.start()
    for r in readies:
        r.wait(60)
    log('samplers running')
    smi = SmiCapture(os.path.join('/tmp', 'nvsmi-%d' % os.getpid()))
    requests = []
    cells = []
    skipped = []
    rng = random.Random(args.seed)
    try:
        smi.idle()
        log('nvidia-smi fields: %s' % smi.info.get('fields_queried'))
        wl = Workload(args.fake, args.seed, log)
        meta['model'] = {'implementation': wl.impl, 'parameters': getattr(wl, 'params', None),
                         'attention': getattr(wl, 'attn', None), 'versions': getattr(wl, 'versions', {}),
                         'shape': 'Llama-3.2-1B: hidden 2048, 16 layers, 32 heads, 8 KV heads, FFN 8192, '
                                  'vocab 128256, tied embeddings, bf16, random weights'}
        if not args.fake:
            import torch
            meta['model']['versions']['torch'] = torch.__version__
            meta['model']['versions']['cuda'] = torch.version.cuda
        log('model: %s' % json.dumps(meta['model']))
        lengths = [64, 256, 1024, 4096, 16384, 32768, 65536]
        lengths = [x for x in lengths if x <= args.max_prompt]
        wl.request(256, 8)
        calib = calibrate(wl, lengths, log)
        meta['calibration'] = calib
        cells = plan_cells(DEFAULT_PLAN if args.plan == 'A' else PLAN_B, calib, args.max_prompt)
        meta['plan'] = cells
        for i, c in enumerate(cells):
            log('plan %2d: target ttft %4d ms rl %.1f s -> prompt %6d output %4d (pred ttft %.3f rl %.3f)' % (
                i, c['ttft_target_ms'], c['latency_target_s'], c['prompt_tokens'], c['output_tokens'],
                c['ttft_pred_s'], c['latency_pred_s']))
        deadline = start_wall + args.budget_s - 8.0
        smi_thread = None
        for i, c in enumerate(cells):
            mean_gap = (args.gap_min_s + args.gap_max_s) / 2
            need = args.cell_pause_s + args.requests_per_cell * (1.25 * c['latency_pred_s'] + mean_gap + 0.05)
            if time.time() + need > deadline:
                skipped.append({'cell': i, 'reason': 'budget: needs ~%.0f s, %.0f s left' % (
                    need, deadline - time.time())})
                log('skip cell %d (%s)' % (i, skipped[-1]['reason']))
                continue
            time.sleep(args.cell_pause_s)
            if i == args.smi_cell or (smi_thread is None and i > args.smi_cell):
                smi_thread = threading.Thread(target=smi.under_load, args=(args.smi_seconds,), daemon=True)
                smi_thread.start()
                meta['nvidia_smi_cell'] = i
            c['start_epoch_ns'] = time.time_ns()
            for k in range(args.requests_per_cell):
                if time.time() > deadline:
                    log('budget reached inside cell %d after %d requests' % (i, k))
                    c['truncated_after'] = k
                    break
                gap = rng.uniform(args.gap_min_s, args.gap_max_s)
                time.sleep(gap)
                t0, t1, t2 = wl.request(c['prompt_tokens'], c['output_tokens'])
                requests.append({'cell': i, 'request': k, 'prompt_tokens': c['prompt_tokens'],
                                 'output_tokens': c['output_tokens'], 'start_epoch_ns': t0,
                                 'first_token_epoch_ns': t1, 'end_epoch_ns': t2, 'gap_before_s': round(gap, 6)})
            c['end_epoch_ns'] = time.time_ns()
            rq = [r for r in requests if r['cell'] == i]
            if rq:
                ttfts = sorted((r['first_token_epoch_ns'] - r['start_epoch_ns']) / 1e9 for r in rq)
                rls = sorted((r['end_epoch_ns'] - r['start_epoch_ns']) / 1e9 for r in rq)
                log('cell %2d done: %d requests, ttft p50 %.3f s (min %.3f max %.3f), rl p50 %.3f s (max %.3f)' % (
                    i, len(rq), ttfts[len(ttfts) // 2], ttfts[0], ttfts[-1], rls[len(rls) // 2], rls[-1]))
        if smi_thread is not None:
            smi_thread.join(60)
        time.sleep(3.0)  # idle tail: the counter's last refreshes after the last request
    except Exception:
        meta['error'] = traceback.format_exc()
        log('ERROR\n' + meta['error'])
    finally:
        stop.set()
        for p in procs:
            p.join(120)
        meta['skipped_cells'] = skipped
        meta['end_epoch_ns'] = time.time_ns()
        stats = os.path.join(args.out, 'power_10ms.csv.gz.stats.json')
        if os.path.exists(stats):
            meta['power_sampler'] = json.load(open(stats))
            os.remove(stats)
        meta['nvidia_smi'] = smi.info
        try:
            smi.finish(os.path.join(args.out, 'nvidia_smi.tar'))
        except Exception:
            meta['nvidia_smi_tar_error'] = traceback.format_exc()
        with open(os.path.join(args.out, 'requests.csv'), 'w', newline='') as f:
            cols = ['cell', 'request', 'prompt_tokens', 'output_tokens', 'start_epoch_ns', 'first_token_epoch_ns',
                    'end_epoch_ns', 'gap_before_s']
            w = csv.DictWriter(f, fieldnames=cols)
            w.writeheader()
            w.writerows(requests)
        with open(os.path.join(args.out, 'meta.json'), 'w') as f:
            json.dump(meta, f, indent=1, default=str)
        log('wrote %d requests in %d cells; %d skipped' % (len(requests), len({r['cell'] for r in requests}),
                                                           len(skipped)))
        for name in sorted(os.listdir(args.out)):
            log('  %-24s %9d bytes' % (name, os.path.getsize(os.path.join(args.out, name))))
    return 1 if 'error' in meta else 0


if __name__ == '__main__':
    sys.exit(main())
