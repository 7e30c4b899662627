// Helpers to find an X11 window and tell whether it has painted, with a
// fine time resolution (one node process, xdotool + xwd, no ImageMagick).
//
// CLI:
//   node scripts/lib/xwin.mjs painted NAME_REGEX [TIMEOUT_S] [PID]
//     waits until a visible window whose title matches NAME_REGEX exists and
//     its content is not uniform; prints "WID WINDOW_MS PAINTED_MS" (ms since
//     the helper started) and exits 0; exits 1 on timeout or if PID died.
//   node scripts/lib/xwin.mjs settled WID [TIMEOUT_S] [STABLE_MS]
//     waits until the window's content stops changing (two grabs STABLE_MS
//     apart, 400 by default, are identical); exits 1 on timeout.
//   node scripts/lib/xwin.mjs type TEXT [DELAY_MS]
//     types TEXT into the focused window; unlike `xdotool type`, upper-case
//     non-ASCII letters (É) come out upper-case.
//   node scripts/lib/xwin.mjs gone WID [TIMEOUT_S]
//     waits until the window is no longer visible.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

export function findWindow(nameRegex) {
  try {
    const out = execFileSync('xdotool', ['search', '--onlyvisible', '--name', nameRegex], {
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    const ids = out.toString().split(/\s+/).filter(Boolean);
    return ids.length ? ids[0] : null;
  } catch {
    return null; // xdotool exits 1 when nothing matches
  }
}

export function grab(wid) {
  try {
    return execFileSync('xwd', ['-silent', '-id', String(wid)], {
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
      timeout: 5000,
    });
  } catch {
    return null;
  }
}

function layout(buf) {
  const u32 = (i) => buf.readUInt32BE(i * 4);
  const bpp = u32(11) / 8;
  return { width: u32(4), height: u32(5), bpp, bytesPerLine: u32(12), start: u32(0) + u32(19) * 12, cmp: bpp === 4 ? 3 : bpp };
}

// How many pixels differ between two xwd grabs of the same window
// (Infinity when their sizes differ).
export function diffPixels(a, b) {
  if (!a || !b) return Infinity;
  const la = layout(a);
  const lb = layout(b);
  if (la.width !== lb.width || la.height !== lb.height || la.bpp !== lb.bpp || a.length !== b.length) return Infinity;
  let n = 0;
  for (let y = 0; y < la.height; y++) {
    const row = la.start + y * la.bytesPerLine;
    for (let x = 0; x < la.width; x++) {
      const p = row + x * la.bpp;
      for (let k = 0; k < la.cmp; k++) {
        if (a[p + k] !== b[p + k]) {
          n++;
          break;
        }
      }
    }
  }
  return n;
}

// Waits until two grabs stableMs apart are identical.
export async function waitSettled(wid, { timeoutMs = 15000, stableMs = 400 } = {}) {
  const deadline = performance.now() + timeoutMs;
  let prev = grab(wid);
  while (performance.now() < deadline) {
    await sleep(stableMs);
    const cur = grab(wid);
    if (cur === null) throw new Error(`window ${wid} is gone`);
    if (prev !== null && cur.equals(prev)) return;
    prev = cur;
  }
  throw new Error(`window ${wid} kept changing for ${timeoutMs} ms`);
}

// Grabs the window with xwd and returns true when not all pixels are equal.
// Returns null when the grab failed (window gone or not yet mapped).
export function isPainted(wid) {
  const buf = grab(wid);
  if (buf === null || buf.length < 100) return null;
  const u32 = (i) => buf.readUInt32BE(i * 4);
  const headerSize = u32(0);
  const height = u32(5);
  const width = u32(4);
  const bitsPerPixel = u32(11);
  const bytesPerLine = u32(12);
  const ncolors = u32(19);
  const start = headerSize + ncolors * 12;
  const bpp = bitsPerPixel / 8;
  if (!Number.isInteger(bpp) || bpp < 1 || start + bytesPerLine * height > buf.length) return null;
  // Compare each pixel's bytes with the first pixel's (ignoring the padding
  // byte of 32-bit pixels, which carries no colour).
  const cmpBytes = bpp === 4 ? 3 : bpp;
  const first = buf.subarray(start, start + cmpBytes);
  for (let y = 0; y < height; y++) {
    const row = start + y * bytesPerLine;
    for (let x = 0; x < width; x++) {
      const p = row + x * bpp;
      for (let k = 0; k < cmpBytes; k++) {
        if (buf[p + k] !== first[k]) return true;
      }
    }
  }
  return false;
}

// `xdotool type "É"` gives "é": it binds the keysym to a spare keycode alone,
// which X reads as (lower, upper). Shift+U00C9 on that keycode gives "É".
export function typeText(text, delayMs = 60) {
  const run = (args) => execFileSync('xdotool', args, { stdio: 'inherit', timeout: 30000 });
  let ascii = '';
  const flush = () => {
    if (ascii) run(['type', '--delay', String(delayMs), ascii]);
    ascii = '';
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp < 128) {
      ascii += ch;
      continue;
    }
    flush();
    const sym = 'U' + cp.toString(16).toUpperCase().padStart(4, '0');
    const upper = ch !== ch.toLowerCase() && ch === ch.toUpperCase();
    run(['key', '--delay', String(delayMs), upper ? `shift+${sym}` : sym]);
  }
  flush();
}

function alive(pid) {
  if (!pid) return true;
  try {
    // a zombie counts as dead
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

// Waits for a painted window. t0 is the reference time (performance.now()).
export async function waitPainted(nameRegex, { timeoutMs = 30000, pid = 0, t0 = performance.now(), pollMs = 10 } = {}) {
  const deadline = performance.now() + timeoutMs;
  let wid = null;
  let windowMs = null;
  while (performance.now() < deadline) {
    if (!alive(pid)) throw new Error(`process ${pid} exited before its window painted`);
    if (!wid) {
      wid = findWindow(nameRegex);
      if (wid) windowMs = performance.now() - t0;
    }
    if (wid) {
      const p = isPainted(wid);
      if (p === true) return { wid, windowMs, paintedMs: performance.now() - t0 };
      if (p === null) wid = findWindow(nameRegex); // window replaced or unmapped
    }
    await sleep(pollMs);
  }
  throw new Error(wid ? `window ${wid} (${nameRegex}) never painted in ${timeoutMs} ms` : `no visible window named ${nameRegex} within ${timeoutMs} ms`);
}

async function main() {
  const [cmd, a1, a2, a3] = process.argv.slice(2);
  if (cmd === 'painted') {
    const r = await waitPainted(a1, { timeoutMs: Number(a2 || 30) * 1000, pid: Number(a3 || 0) });
    console.log(`${r.wid} ${Math.round(r.windowMs)} ${Math.round(r.paintedMs)}`);
  } else if (cmd === 'settled') {
    await waitSettled(a1, { timeoutMs: Number(a2 || 15) * 1000, stableMs: Number(a3 || 400) });
  } else if (cmd === 'type') {
    typeText(a1, Number(a2 || 60));
  } else if (cmd === 'gone') {
    const deadline = performance.now() + Number(a2 || 10) * 1000;
    while (performance.now() < deadline) {
      if (isPainted(a1) === null) return;
      await sleep(50);
    }
    throw new Error(`window ${a1} still there`);
  } else {
    throw new Error('usage: xwin.mjs painted NAME_REGEX [TIMEOUT_S] [PID] | settled WID [TIMEOUT_S] [STABLE_MS] | type TEXT [DELAY_MS] | gone WID [TIMEOUT_S]');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`xwin: ${e.message}`);
    process.exit(1);
  });
}
