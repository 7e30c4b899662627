// Measures start time and idle memory of desktop apps under the current X
// display, runs interleaved (A, B, A, B, ...) so drift hits both alike.
// Called by bench/startup.sh; reads a JSON config file:
//   { "runs": 5, "idleSeconds": 5,
//     "apps": [ { "label": "Ruche", "bin": "...", "args": [...], "title": "^Ruche$",
//                 "log": "DATA/logs/ruche.log" (optional: Go heap from "idle memory") }, ... ] }
// Prints one JSON object with every run's numbers on stdout.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, openSync } from 'node:fs';
import { waitPainted, sleep, grab, diffPixels } from '../scripts/lib/xwin.mjs';

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const runs = cfg.runs ?? 5;
const idleMs = (cfg.idleSeconds ?? 5) * 1000;

function children() {
  const byParent = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!byParent.has(ppid)) byParent.set(ppid, []);
      byParent.get(ppid).push(Number(d));
    } catch {
      /* gone */
    }
  }
  return byParent;
}

function tree(pid) {
  const byParent = children();
  const out = [];
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop();
    out.push(p);
    todo.push(...(byParent.get(p) ?? []));
  }
  return out;
}

function pssKB(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function comm(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}

function idleLines(log) {
  if (!log || !existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => /"(msg|message)":"idle memory"/.test(l));
}

async function stop(child, pids) {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const t = performance.now();
    while (child.exitCode === null && child.signalCode === null && performance.now() - t < 5000) await sleep(50);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  await sleep(300);
  for (const p of pids) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

async function measure(app, i) {
  const before = idleLines(app.log).length;
  const out = openSync(`${app.outDir}/run-${i}.out`, 'w');
  const t0 = performance.now();
  const child = spawn(app.bin, app.args ?? [], { stdio: ['ignore', out, out], env: { ...process.env, ...(app.env ?? {}) } });
  let r;
  try {
    r = await waitPainted(app.title, { timeoutMs: 60000, pid: child.pid, t0, pollMs: 5 });
  } catch (e) {
    await stop(child, tree(child.pid).slice(1));
    throw e;
  }
  const paintedAt = t0 + r.paintedMs;
  // Content settled: the last change before 1.5 s without any (bounded to 10 s
  // after the first paint). Shows how long a "Loading…" first frame lasts.
  // Changes of fewer than 300 pixels (a blinking caret, a clock) don't count.
  let prev = null;
  let lastChange = paintedAt;
  while (performance.now() - lastChange < 1500 && performance.now() - paintedAt < 10000) {
    const cur = grab(r.wid);
    if (cur === null) break;
    if (prev && diffPixels(prev, cur) >= 300) lastChange = performance.now();
    prev = cur;
    await sleep(30);
  }
  const settledMs = lastChange - t0;
  await sleep(Math.max(0, idleMs - (performance.now() - paintedAt)));
  let heap = null;
  if (app.log) {
    const deadline = performance.now() + 30000;
    let lines = idleLines(app.log);
    while (lines.length <= before && performance.now() < deadline) {
      await sleep(100);
      lines = idleLines(app.log);
    }
    if (lines.length > before) {
      const rec = JSON.parse(lines[lines.length - 1]);
      heap = rec.go_heap_inuse_bytes ?? null;
    }
  }
  const pids = tree(child.pid);
  const procs = pids.map((p) => ({ pid: p, comm: comm(p), pssKB: pssKB(p) }));
  const pss = procs.reduce((a, p) => a + p.pssKB, 0);
  await stop(child, pids.slice(1));
  return { windowMs: r.windowMs, paintedMs: r.paintedMs, settledMs, pssKB: pss, procs, goHeapInuseBytes: heap };
}

const results = Object.fromEntries(cfg.apps.map((a) => [a.label, []]));
for (let i = 1; i <= runs; i++) {
  for (const app of cfg.apps) {
    let m;
    try {
      m = await measure(app, i);
    } catch (e) {
      let out = '';
      try {
        out = readFileSync(`${app.outDir}/run-${i}.out`, 'utf8').split('\n').slice(0, 12).join('\n  ');
      } catch {
        /* no output */
      }
      process.stderr.write(`[bench] run ${i}/${runs} ${app.label}: ${e.message}; its output:\n  ${out}\n[bench] trying once more\n`);
      await sleep(2000);
      m = await measure(app, `${i}-retry`);
    }
    results[app.label].push(m);
    process.stderr.write(
      `[bench] run ${i}/${runs} ${app.label.padEnd(6)} window ${m.windowMs.toFixed(0)} ms, painted ${m.paintedMs.toFixed(0)} ms, settled ${m.settledMs.toFixed(0)} ms, ` +
        `PSS ${(m.pssKB * 1024 / 1e6).toFixed(1)} MB over ${m.procs.length} processes (${m.procs.map((p) => p.comm).join(', ')})` +
        (m.goHeapInuseBytes != null ? `, Go heap ${(m.goHeapInuseBytes / 1e6).toFixed(1)} MB` : '') +
        '\n',
    );
    await sleep(1000);
  }
}
console.log(JSON.stringify(results));
