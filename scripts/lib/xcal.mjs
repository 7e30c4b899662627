// Finds Ruche's calendar on the screen of a real window (an xwd grab) and
// drags a post with xdotool, for tests/e2e/window-drag.sh. No OCR, no
// fixed coordinates: everything is measured on the pixels.
//
// CLI (WID: an X window id; COLOR: "#rrggbb", the event's background):
//   node scripts/lib/xcal.mjs toolbar WID
//     prints JSON {prev, today, next} (each {x, y, w, h, cx, cy}): the three
//     bordered buttons left-most in the top toolbar of the main area.
//   node scripts/lib/xcal.mjs click-next WID
//     clicks the toolbar's third button (the calendar's "next").
//   node scripts/lib/xcal.mjs event WID COLOR [TIMEOUT_S]
//     waits for the event block of that colour (the largest block of it,
//     at least 30x10 px) and prints JSON {box, cells, cell, cellWidth}: the
//     block, the day columns' edges measured in its row, the column it is in.
//   node scripts/lib/xcal.mjs drag WID COLOR DAYS [TIMEOUT_S]
//     finds the event, drags it DAYS columns to the right (negative: left)
//     with mousemove, mousedown, small steps, mouseup, moves the pointer off
//     the calendar, and prints JSON {from, to, event}.
// On failure: a message on stderr saying what was found, exit status 1.
import { execFileSync } from 'node:child_process';
import { grab, sleep } from './xwin.mjs';

// ---------------------------------------------------------------- pixels

// decode turns an xwd dump (TrueColor, 24 or 32 bits per pixel) into
// {width, height, rgb(x, y) -> [r, g, b]}.
export function decode(buf) {
  if (!buf || buf.length < 100) throw new Error('no image (window gone?)');
  const u32 = (i) => buf.readUInt32BE(i * 4);
  const header = u32(0);
  const width = u32(4);
  const height = u32(5);
  const lsbFirst = u32(7) === 0;
  const bpp = u32(11) / 8;
  const bytesPerLine = u32(12);
  const masks = [u32(14), u32(15), u32(16)];
  const start = header + u32(19) * 12;
  if (bpp !== 4 && bpp !== 3) throw new Error(`unsupported xwd: ${bpp * 8} bits per pixel`);
  if (start + bytesPerLine * height > buf.length) throw new Error('truncated xwd');
  const shifts = masks.map((m) => {
    let s = 0;
    while (m && !((m >>> s) & 1)) s++;
    return s;
  });
  const rgb = (x, y) => {
    const p = start + y * bytesPerLine + x * bpp;
    let v = 0;
    if (lsbFirst) for (let k = bpp - 1; k >= 0; k--) v = v * 256 + buf[p + k];
    else for (let k = 0; k < bpp; k++) v = v * 256 + buf[p + k];
    return [0, 1, 2].map((i) => ((v & masks[i]) >>> shifts[i]) & 0xff);
  };
  return { width, height, rgb };
}

export function parseColor(s) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(String(s).trim());
  if (!m) throw new Error(`not a colour: ${s}`);
  return [1, 2, 3].map((i) => parseInt(m[i], 16));
}

const hex = (c) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
const near = (a, b, tol) => Math.abs(a[0] - b[0]) <= tol && Math.abs(a[1] - b[1]) <= tol && Math.abs(a[2] - b[2]) <= tol;
const lum = (c) => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];

// blocks lists the connected regions (4-neighbours) of pixels within tol of
// colour, largest first, as {x, y, w, h, n} (n: pixels).
export function blocks(img, color, { tol = 6, region = null } = {}) {
  const { width, height } = img;
  const x0 = region?.x0 ?? 0;
  const x1 = region?.x1 ?? width;
  const y0 = region?.y0 ?? 0;
  const y1 = region?.y1 ?? height;
  const seen = new Uint8Array(width * height);
  const match = (x, y) => near(img.rgb(x, y), color, tol);
  const out = [];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * width + x;
      if (seen[i]) continue;
      seen[i] = 1;
      if (!match(x, y)) continue;
      let minX = x, maxX = x, minY = y, maxY = y, n = 0;
      const stack = [i];
      while (stack.length) {
        const j = stack.pop();
        const px = j % width;
        const py = (j - px) / width;
        n++;
        if (px < minX) minX = px;
        if (px > maxX) maxX = px;
        if (py < minY) minY = py;
        if (py > maxY) maxY = py;
        for (const [nx, ny] of [[px + 1, py], [px - 1, py], [px, py + 1], [px, py - 1]]) {
          if (nx < x0 || nx >= x1 || ny < y0 || ny >= y1) continue;
          const k = ny * width + nx;
          if (seen[k]) continue;
          seen[k] = 1;
          if (match(nx, ny)) stack.push(k);
        }
      }
      out.push({ x: minX, y: minY, w: maxX - minX + 1, h: maxY - minY + 1, n });
    }
  }
  return out.sort((a, b) => b.n - a.n);
}

// verticalEdges finds thin vertical lines: runs of at least minRun pixels
// of one colour (within 6) whose pixels two columns to the left and right
// differ from it (by more than 8 in luminance). Returns {x, y0, y1, color}.
export function verticalEdges(img, { x0 = 0, x1 = img.width, y0 = 0, y1 = img.height, minRun = 12 } = {}) {
  const out = [];
  const edgeAt = (x, y, c) => {
    const l = lum(c);
    return Math.abs(lum(img.rgb(x - 2, y)) - l) > 8 && Math.abs(lum(img.rgb(x + 2, y)) - l) > 8;
  };
  for (let x = Math.max(2, x0); x < Math.min(img.width - 2, x1); x++) {
    let runStart = -1;
    let runColor = null;
    const close = (yEnd) => {
      if (runStart >= 0 && yEnd - runStart >= minRun) out.push({ x, y0: runStart, y1: yEnd - 1, color: hex(runColor) });
      runStart = -1;
      runColor = null;
    };
    for (let y = y0; y < y1; y++) {
      const c = img.rgb(x, y);
      const ok = edgeAt(x, y, c);
      if (ok && runStart >= 0 && near(c, runColor, 6)) continue;
      close(y);
      if (ok) {
        runStart = y;
        runColor = c;
      }
    }
    close(y1);
  }
  return out;
}

// mergeColumns: lines two pixels wide (or antialiased) give two adjacent
// columns: keep one x per line.
function mergeColumns(xs) {
  const sorted = [...new Set(xs)].sort((a, b) => a - b);
  const out = [];
  for (const x of sorted) {
    if (out.length && x - out[out.length - 1].last <= 1) out[out.length - 1].last = x;
    else out.push({ first: x, last: x });
  }
  return out.map((g) => Math.round((g.first + g.last) / 2));
}

// sidebarEdge: the left-most vertical line nearly as tall as the window in
// its left half (the sidebar's border), or 0.
function sidebarEdge(img) {
  const lines = verticalEdges(img, { x1: Math.floor(img.width / 2), minRun: Math.floor(img.height * 0.8) });
  return lines.length ? Math.min(...lines.map((l) => l.x)) : 0;
}

const box = (x, y, w, h) => ({ x, y, w, h, cx: Math.round(x + w / 2), cy: Math.round(y + h / 2) });

// toolbar: the first three bordered boxes from the left of the main area's
// top row: ‹ Today ›. Their left and right borders are vertical edges with
// the same extent; the first and third are as wide, the second wider.
export function toolbar(img) {
  const left = sidebarEdge(img);
  const top = Math.min(img.height, 160);
  const edges = verticalEdges(img, { x0: left + 3, y1: top, minRun: 12 });
  // Cluster by vertical extent (±2 px).
  const clusters = [];
  for (const e of edges) {
    const c = clusters.find((k) => Math.abs(k.y0 - e.y0) <= 2 && Math.abs(k.y1 - e.y1) <= 2);
    if (c) c.xs.push(e.x);
    else clusters.push({ y0: e.y0, y1: e.y1, xs: [e.x] });
  }
  const tried = [];
  for (const c of clusters.sort((a, b) => a.y0 - b.y0)) {
    const xs = mergeColumns(c.xs);
    tried.push({ y0: c.y0, y1: c.y1, xs: xs.slice(0, 10) });
    if (xs.length < 6) continue;
    const [a0, a1, b0, b1, n0, n1] = xs;
    const wPrev = a1 - a0;
    const wToday = b1 - b0;
    const wNext = n1 - n0;
    const ok =
      wPrev >= 16 && wPrev <= 80 && Math.abs(wPrev - wNext) <= 3 && wToday > wPrev && b0 - a1 >= 2 && b0 - a1 <= 30 && n0 - b1 >= 2 && n0 - b1 <= 30;
    if (!ok) continue;
    // The boxes' full height: the corners are rounded, so the straight run
    // is shorter than the box; use the run's middle for the centre.
    const h = c.y1 - c.y0 + 1;
    return {
      prev: box(a0, c.y0, wPrev + 1, h),
      today: box(b0, c.y0, wToday + 1, h),
      next: box(n0, c.y0, wNext + 1, h),
      sidebar: left,
    };
  }
  throw new Error(`no toolbar "‹ Today ›" found right of x=${left} above y=${top}; vertical edge clusters (y0, y1, x…): ${JSON.stringify(tried.slice(0, 12))}`);
}

// topColors: the 8 most frequent colours right of x0 ("#rrggbb×count"), to
// tell what is on screen when the event's colour is not.
function topColors(img, x0) {
  const n = new Map();
  for (let y = 0; y < img.height; y += 2) {
    for (let x = x0; x < img.width; x += 2) {
      const k = hex(img.rgb(x, y));
      n.set(k, (n.get(k) ?? 0) + 1);
    }
  }
  return [...n].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k}×${v * 4}`);
}

// findEvent: the largest block of the event's colour right of the sidebar,
// with the day columns' edges measured just below it, in its own row.
export function findEvent(img, color, { tol = 8 } = {}) {
  const left = sidebarEdge(img);
  const found = blocks(img, color, { tol, region: { x0: left + 1, x1: img.width, y0: 0, y1: img.height } });
  const ev = found.find((b) => b.w >= 30 && b.h >= 10 && b.n >= 0.3 * b.w * b.h);
  if (!ev) {
    throw new Error(
      `no block of ${hex(color)} (±${tol}) at least 30x10 px right of x=${left}; largest ones: ${JSON.stringify(found.slice(0, 5))}; ` +
        `most frequent colours there: ${topColors(img, left + 1).join(' ')}`,
    );
  }
  const ev2 = box(ev.x, ev.y, ev.w, ev.h);
  // The columns' edges: in a band from just below the event down (inside
  // the same week row, which is empty there: one post a day).
  const bandTop = Math.min(img.height - 2, ev.y + ev.h + 4);
  const bandBottom = Math.min(img.height, bandTop + 24);
  const lines = verticalEdges(img, { x0: left + 3, y0: bandTop, y1: bandBottom, minRun: bandBottom - bandTop });
  const cells = mergeColumns(lines.map((l) => l.x));
  const l = cells.filter((x) => x < ev2.cx).pop();
  const r = cells.find((x) => x > ev2.cx);
  const widths = cells.slice(1).map((x, i) => x - cells[i]);
  if (l === undefined || r === undefined) {
    throw new Error(`event ${JSON.stringify(ev2)}: no day-column edges on both sides (edges found at x=${JSON.stringify(cells)} in rows ${bandTop}-${bandBottom})`);
  }
  return { box: ev2, cells, cell: { left: l, right: r }, cellWidth: r - l, widths, sidebar: left };
}

// ---------------------------------------------------------------- actions

function xdo(...args) {
  execFileSync('xdotool', args.map(String), { stdio: ['ignore', 'ignore', 'inherit'], timeout: 10000 });
}

export async function waitEvent(wid, color, timeoutMs = 10000) {
  const deadline = performance.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      return findEvent(decode(grab(wid)), color);
    } catch (e) {
      last = e;
    }
    if (performance.now() > deadline) throw last;
    await sleep(250);
  }
}

// drag moves the pointer like a hand: press on the event's centre, leave
// it in small steps (FullCalendar starts a drag after a few pixels and
// follows mousemove events), rest on the target, release.
export async function drag(wid, from, to, { steps = 14, stepMs = 25 } = {}) {
  xdo('mousemove', '--window', wid, from.x, from.y);
  await sleep(150);
  xdo('mousedown', 1);
  await sleep(150);
  for (let i = 1; i <= steps; i++) {
    const x = Math.round(from.x + ((to.x - from.x) * i) / steps);
    const y = Math.round(from.y + ((to.y - from.y) * i) / steps);
    xdo('mousemove', '--window', wid, x, y);
    await sleep(stepMs);
  }
  // Settle on the target with two more small moves (hit detection runs on move).
  xdo('mousemove', '--window', wid, to.x + 1, to.y);
  await sleep(60);
  xdo('mousemove', '--window', wid, to.x, to.y);
  await sleep(250);
  xdo('mouseup', 1);
  await sleep(100);
}

// parkPointer: off the calendar and its tooltips (the window's top-left
// corner, in the sidebar).
export function parkPointer(wid) {
  xdo('mousemove', '--window', wid, 5, 5);
}

export async function dragDays(wid, color, days, timeoutMs = 10000) {
  const found = await waitEvent(wid, color, timeoutMs);
  const { box: ev, cells } = found;
  const i = cells.indexOf(found.cell.left);
  const j = i + days;
  if (j < 0 || j + 1 >= cells.length) {
    throw new Error(`cannot drag ${days} day(s) from the column ${found.cell.left}-${found.cell.right}: columns at ${JSON.stringify(cells)}`);
  }
  const w = found.cellWidth;
  const tw = cells[j + 1] - cells[j];
  if (Math.abs(tw - w) > 4) throw new Error(`irregular day columns (${w} px, then ${tw} px): edges ${JSON.stringify(cells)}`);
  const from = { x: ev.cx, y: ev.cy };
  const to = { x: Math.round((cells[j] + cells[j + 1]) / 2), y: ev.cy };
  await drag(wid, from, to);
  parkPointer(wid);
  return { from, to, event: found };
}

async function main() {
  const [cmd, wid, a2, a3, a4] = process.argv.slice(2);
  if (cmd === 'toolbar') {
    console.log(JSON.stringify(toolbar(decode(grab(wid)))));
  } else if (cmd === 'click-next') {
    const t = toolbar(decode(grab(wid)));
    xdo('mousemove', '--window', wid, t.next.cx, t.next.cy);
    await sleep(80);
    xdo('click', 1);
    await sleep(80);
    parkPointer(wid);
    console.log(JSON.stringify(t.next));
  } else if (cmd === 'event') {
    const r = await waitEvent(wid, parseColor(a2), Number(a3 || 10) * 1000);
    console.log(JSON.stringify(r));
  } else if (cmd === 'drag') {
    const r = await dragDays(wid, parseColor(a2), Number(a3 || 1), Number(a4 || 10) * 1000);
    console.log(JSON.stringify(r));
  } else {
    throw new Error('usage: xcal.mjs toolbar WID | click-next WID | event WID COLOR [TIMEOUT_S] | drag WID COLOR DAYS [TIMEOUT_S]');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`xcal: ${e.message}`);
    process.exit(1);
  });
}
