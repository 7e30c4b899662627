// End-to-end test of the Analytics exports: the real frontend and Go backend
// (`wails dev`) in Debian's Chromium (playwright-core), and the real native
// save dialog (runtime.SaveFileDialog: a GTK file chooser in wails dev's own
// window on its Xvfb display) answered with xdotool. Run by
// tests/e2e/browser.sh after browser.mjs, in the same wails dev session;
// browser.sh made the demo workspace (ninety days of history) with the CLI.
//
// In French: switch to the demo workspace, open Analytics, pick "last
// month", read the KPI tiles and the chart titles, write an analysis, Export
// PDF, type a path into the save dialog; the progress line shows while the
// dialog is open, then the "saved" toast with that path. The PDF: pdfinfo
// pages, every footer "page n sur N", the section titles, the analysis, the
// agency, and each KPI tile's value, change and previous value as the screen
// showed them (same column of pdftotext -layout, spaces normalised). Its
// pages are rendered by pdftoppm into ART. Then Export CSV the same way: a
// header, rows of the period, and the count tiles' figures. Then the
// monthly report: a folder chosen in the native folder chooser, the
// scheduler writes last month's report there within a poll (its text and
// pages checked, no temporary file left), and the plan is stopped. Finally
// it switches back to the workspace browser.mjs left current (browser.sh then
// checks that workspace's posts with the CLI).
//
// Env: RUCHE_URL, ART, RESULT (browser.mjs's result: the workspace to go
// back to), OUT (an empty folder for the exports), DEV_DISPLAY and
// DEV_XAUTHORITY (wails dev's X display).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const URL = process.env.RUCHE_URL || 'http://localhost:34115';
const ART = process.env.ART || join(ROOT, 'artifacts');
const { RESULT, OUT, DEV_DISPLAY, DEV_XAUTHORITY } = process.env;
for (const [k, v] of Object.entries({ RESULT, OUT, DEV_DISPLAY })) {
  if (!v) throw new Error(`missing ${k}`);
}
const fr = JSON.parse(readFileSync(join(ROOT, 'frontend/src/locales/fr.json'), 'utf8'));
const PREFIX = 'e2e-report';
const AGENCY = 'Agence Essaim';
const ANALYSIS = 'Analyse du test de bout en bout : la brioche du dimanche a porté l’engagement.';
// The report's section titles in French (report.* in backend/locale/messages_report.go).
const SECTIONS = ['Rapport de performance', 'Synthèse', 'Meilleures publications', 'Communauté', 'Objectifs', 'Analyse et recommandations'];
// Sections that start a page: the cover, the summary, the first chart, the
// top posts, the community and the analysis.
const MIN_PAGES = 6;
// The save dialogs' titles (dialog.* in backend/locale/messages.go), in French.
const PDF_DIALOG = 'Enregistrer le rapport client (PDF)';
const CSV_DIALOG = 'Exporter les chiffres (CSV)';
const MONTHLY_DIALOG = 'Choisir le dossier des rapports mensuels';

mkdirSync(ART, { recursive: true });
const t0 = Date.now();
const say = (m) => console.log(`[report ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls fn until it returns a truthy value; fails with what was last seen.
async function waitFor(desc, fn, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${desc} (last: ${JSON.stringify(last)})`);
    await sleep(150);
  }
}

// French numbers use U+202F or U+00A0 between thousands and before "%" or
// ":": the screen and pdftotext may not use the same one.
const spaces = (s) => s.replace(/[\u00a0\u202f\u2007\u2009]/g, ' ');
const squeeze = (s) => spaces(s).replace(/\s+/g, ' ').trim();
function message(template, args) {
  if (typeof template !== 'string') throw new Error(`no such message in fr.json (${JSON.stringify(template)})`);
  return template.replace(/\{(\w+)\}/g, (_, k) => args[k]);
}

// ---------------------------------------------------------------- X display

const xenv = { ...process.env, DISPLAY: DEV_DISPLAY };
if (DEV_XAUTHORITY) xenv.XAUTHORITY = DEV_XAUTHORITY;
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', timeout: 30000, ...opts });
const xdotool = (...args) => run('xdotool', args, { env: xenv }).trim();
const reEscape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// dialogWindow returns the id of the visible window titled title, '' if none.
function dialogWindow(title) {
  try {
    return xdotool('search', '--onlyvisible', '--name', `^${reEscape(title)}$`).split('\n')[0];
  } catch {
    return ''; // xdotool search exits 1 when nothing matches
  }
}

// focusDialog waits for the dialog titled title and gives it the keyboard:
// without a window manager nothing else does.
async function focusDialog(what, title) {
  const wid = await waitFor(`the ${what} "${title}" on ${DEV_DISPLAY}`, () => dialogWindow(title), 30000);
  say(`${what} "${title}" is window ${wid}`);
  try {
    xdotool('windowfocus', '--sync', wid);
  } catch {
    xdotool('windowfocus', wid);
  }
  await sleep(300);
}

// answerSave types path into the GTK save dialog titled title (its name
// field has the focus, the suggested name selected; a full path there is
// taken as such), saves the X screen with the dialog as shot, and presses
// Return.
async function answerSave(title, path, shot) {
  await focusDialog('save dialog', title); // GTK has set the focus on the name field and selected it
  xdotool('key', '--clearmodifiers', 'ctrl+a');
  xdotool('type', '--clearmodifiers', '--delay', '15', path);
  await sleep(300);
  run('import', ['-window', 'root', join(ART, shot)], { env: xenv });
  say(`typed ${path}; saved artifacts/${shot}`);
  xdotool('key', '--clearmodifiers', 'Return');
  await waitFor(`the save dialog "${title}" to close`, () => !dialogWindow(title), 15000);
}

// answerFolder types path into the GTK folder chooser titled title: Ctrl+L
// opens its location field, the path goes there (without the "/" GTK
// completes it with), Return selects the folder typed, or else the Open
// button does. Saves the X screen as shot.
async function answerFolder(title, path, shot) {
  await focusDialog('folder chooser', title);
  xdotool('key', '--clearmodifiers', 'ctrl+l');
  await sleep(200);
  xdotool('key', '--clearmodifiers', 'ctrl+a');
  xdotool('type', '--clearmodifiers', '--delay', '15', path);
  await sleep(300);
  xdotool('key', '--clearmodifiers', 'Delete'); // GTK completes the name with a selected "/": drop it
  await sleep(200);
  run('import', ['-window', 'root', join(ART, shot)], { env: xenv });
  say(`typed ${path}; saved artifacts/${shot}`);
  xdotool('key', '--clearmodifiers', 'Return');
  const closed = () => waitFor('the folder chooser to close', () => !dialogWindow(title), 3000).then(() => true, () => false);
  if (!(await closed())) {
    say('still open: its Open button (Alt+O)');
    xdotool('key', '--clearmodifiers', 'alt+o');
  }
  if (!(await closed())) {
    run('import', ['-window', 'root', join(ART, `${PREFIX}-dialog-monthly-stuck.png`)], { env: xenv });
    throw new Error(`the folder chooser "${title}" stays open (artifacts/${PREFIX}-dialog-monthly-stuck.png)`);
  }
}

// ---------------------------------------------------------------- PDF and CSV

// cells splits a pdftotext -layout line into its cells (runs of words
// separated by single spaces), each with its column.
function cells(line) {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ text: m[0], col: m.index }));
}

// labelCell finds label in a line's cells; the report cuts a long label with
// "…" to fit its tile.
function labelCell(line, label) {
  return cells(line).find(
    (c) => c.text === label || (c.text.endsWith('…') && c.text.length > 6 && label.startsWith(c.text.slice(0, -1).trimEnd())),
  );
}

// pdfTile finds a KPI tile of the summary in the report's text: its label,
// then below it, in the same column, its value, its change (after an arrow)
// and its previous value. null when the label is not there.
function pdfTile(lines, from, label) {
  for (let i = from; i < lines.length; i++) {
    const l = labelCell(lines[i], label);
    if (!l) continue;
    const below = [];
    for (let j = i + 1; j < lines.length && below.length < 3; j++) {
      if (!lines[j].trim()) continue;
      below.push(cells(lines[j]).find((c) => Math.abs(c.col - l.col) <= 3)?.text ?? '');
    }
    return { label: l.text, value: below[0] ?? '', change: below[1] ?? '', previous: below[2] ?? '' };
  }
  return null;
}

function checkPdf(path, screen) {
  const head = readFileSync(path).subarray(0, 5).toString('latin1');
  if (head !== '%PDF-') throw new Error(`${path} does not start with %PDF- (${JSON.stringify(head)})`);
  const info = run('pdfinfo', [path]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  if (!(pages >= MIN_PAGES)) throw new Error(`pdfinfo says ${pages} page(s), expected at least ${MIN_PAGES} (cover, summary, charts, top posts, community, analysis)`);
  const text = spaces(run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { maxBuffer: 16 << 20 }));
  const flat = squeeze(text);
  for (let n = 1; n <= pages; n++) {
    if (!flat.includes(`page ${n} sur ${pages}`)) throw new Error(`no footer "page ${n} sur ${pages}" in the PDF`);
  }
  const want = [...SECTIONS, ...screen.charts, screen.workspace, AGENCY, ANALYSIS];
  const missing = want.filter((s) => !flat.includes(squeeze(s)));
  if (missing.length) throw new Error(`the PDF's text lacks ${JSON.stringify(missing)}`);

  // Each tile the screen showed a figure in: the same figure in the PDF.
  const lines = text.split('\n');
  const summary = lines.findIndex((l) => l.trim() === 'Synthèse');
  if (summary < 0) throw new Error('no "Synthèse" heading line in the PDF');
  const wrong = [];
  let compared = 0;
  for (const t of screen.tiles) {
    if (t.value === '–') continue; // an unknown figure: the report leaves its tile out
    const p = pdfTile(lines, summary, squeeze(t.label));
    if (!p) {
      wrong.push(`${t.key}: no tile "${t.label}" in the PDF`);
      continue;
    }
    if (squeeze(p.value) !== squeeze(t.value)) wrong.push(`${t.key}: the screen shows ${JSON.stringify(t.value)}, the PDF ${JSON.stringify(p.value)}`);
    if (t.change !== '–' && !squeeze(p.change).endsWith(squeeze(t.change))) {
      wrong.push(`${t.key}: change ${JSON.stringify(t.change)} on screen, the PDF says ${JSON.stringify(p.change)}`);
    }
    if (t.previous !== '–' && !squeeze(p.previous).endsWith(` ${squeeze(t.previous)}`)) {
      wrong.push(`${t.key}: previous ${JSON.stringify(t.previous)} on screen, the PDF says ${JSON.stringify(p.previous)}`);
    }
    compared++;
  }
  if (wrong.length) throw new Error(`the PDF does not agree with the screen:\n  ${wrong.join('\n  ')}`);
  if (compared < 4) throw new Error(`only ${compared} KPI tile(s) with a figure on screen`);
  return { pages, compared };
}

// renderPages writes every page of pdf as ART/PREFIX-page-N.png (50 dpi).
function renderPages(pdf, pages) {
  for (const f of readdirSync(ART)) if (f.startsWith(`${PREFIX}-page-`)) unlinkSync(join(ART, f));
  run('pdftoppm', ['-r', '50', '-png', pdf, join(ART, `${PREFIX}-page`)]);
  const pngs = readdirSync(ART).filter((f) => f.startsWith(`${PREFIX}-page-`) && f.endsWith('.png')).sort();
  if (pngs.length !== pages) throw new Error(`pdftoppm wrote ${pngs.length} PNG(s) for ${pages} pages`);
  for (const f of pngs) {
    if (statSync(join(ART, f)).size < 2000) throw new Error(`artifacts/${f} is suspiciously small`);
  }
  return pngs;
}

// parseCsv reads RFC 4180 CSV (quoted fields may hold commas, quotes and
// newlines).
function parseCsv(s) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') field += s[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

function checkCsv(path, screen) {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  for (const k of ['kind', 'date', 'metric', 'value']) {
    if (!header.includes(k)) throw new Error(`the CSV's header ${JSON.stringify(header)} has no column ${k}`);
  }
  const bad = rows.findIndex((r) => r.length !== header.length);
  if (bad >= 0) throw new Error(`CSV row ${bad + 2} has ${rows[bad].length} fields, the header ${header.length}`);
  if (rows.length < 10) throw new Error(`the CSV has ${rows.length} row(s)`);
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  const period = `${screen.period.from}/${screen.period.to}`;
  const kpis = rows.filter((r) => r[col.kind] === 'kpi' && r[col.date] === period);
  if (!kpis.length) throw new Error(`no kpi row of ${period} in the CSV`);
  // The whole-number tiles (followers, publications, …): the same figure.
  let same = 0;
  for (const t of screen.tiles) {
    const v = squeeze(t.value);
    if (!/^\d[\d ]*$/.test(v)) continue;
    const r = kpis.find((r) => r[col.metric] === t.key);
    if (!r) continue;
    if (Number(r[col.value]) !== Number(v.replace(/ /g, ''))) {
      throw new Error(`${t.key}: the screen shows ${t.value}, the CSV ${r[col.value]}`);
    }
    same++;
  }
  if (same < 2) throw new Error(`only ${same} count tile(s) found in the CSV's kpi rows of ${period}`);
  return { rows: rows.length, kinds: [...new Set(rows.map((r) => r[col.kind]))], same };
}

// ---------------------------------------------------------------- the screen

const profile = mkdtempSync(join(tmpdir(), 'ruche-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  viewport: { width: 1280, height: 800 },
  locale: 'fr-FR',
  timeout: 60000,
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(15000);
const problems = [];
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));

const shot = async (name) => {
  await page.screenshot({ path: join(ART, name), fullPage: true });
  say(`saved artifacts/${name}`);
};
const tid = (id) => page.locator(`[data-testid="${id}"]`);
// toTop scrolls the Analytics screen back to its title and exports.
const toTop = () => tid('analytics').evaluate((e) => e.scrollIntoView({ block: 'start' }));
const workspaces = () => page.evaluate(() => window.go.api.Settings.ListWorkspaces());

async function switchTo(id) {
  if ((await workspaces()).find((w) => w.current)?.id === id) return;
  await tid('nav-settings').click();
  await page.locator(`[data-testid="ws-row"][data-ws-id="${id}"] [data-testid="ws-switch"]`).click();
  await waitFor(`the workspace ${id} to be current`, async () => (await workspaces()).find((w) => w.current)?.id === id);
}

// toastWith waits for an info toast saying text.
async function toastWith(text) {
  const want = squeeze(text);
  return waitFor(`a toast "${text}"`, async () => {
    const all = await tid('toast').allInnerTexts();
    return all.map(squeeze).find((s) => s.includes(want));
  }, 30000);
}

// exportTo clicks button, answers its save dialog with path and waits for
// the toast that says it is saved; busy is what must show meanwhile (saved
// as busyShot when named).
async function exportTo({ button, dialog, path, busy, done, dialogShot, busyShot }) {
  if (existsSync(path)) throw new Error(`${path} exists already (the dialog would ask to replace it)`);
  say(`click ${button}`);
  await tid(button).click();
  await waitFor(`${busy} while the dialog is open`, async () => (busy === button ? (await tid(button).getAttribute('aria-busy')) === 'true' : tid(busy).isVisible()));
  if (busyShot) {
    await toTop();
    await shot(busyShot);
  }
  await answerSave(dialog, path, dialogShot);
  const toast = await toastWith(done);
  say(`toast: ${toast}`);
  await waitFor(`${button} to be enabled again`, () => tid(button).isEnabled());
  if (!existsSync(path)) throw new Error(`the toast says saved, but there is no ${path}`);
}

let failed = false;
try {
  const back = JSON.parse(readFileSync(RESULT, 'utf8')).drags?.workspaceId;
  if (!back) throw new Error(`${RESULT} names no workspace to go back to`);
  say(`open ${URL}`);
  await page.goto(URL, { waitUntil: 'domcontentloaded', timeout: 60000 });
  await tid('nav-settings').waitFor({ state: 'visible', timeout: 30000 });
  await waitFor('the Go bindings (window.go.api.Analytics)', () => page.evaluate(() => typeof window.go?.api?.Analytics?.ExportPDF === 'function'));

  // ---- French, the demo workspace
  await tid('nav-settings').click();
  await tid('lang-select').selectOption('fr');
  await waitFor(`the sidebar to say "${fr.nav.settings}"`, async () => (await tid('nav-settings').innerText()).trim() === fr.nav.settings);
  const demo = (await workspaces()).find((w) => w.demo);
  if (!demo) throw new Error('no demo workspace: browser.sh makes it with `ruche demo`');
  await switchTo(demo.id);
  say(`workspace ${JSON.stringify(demo.name)} (demo) is current`);

  // ---- Analytics, last month
  await tid('nav-analytics').click();
  await tid('analytics').waitFor({ state: 'visible' });
  await waitFor(`the title "${fr.analytics.title}"`, async () => (await tid('analytics-title').innerText()).trim() === fr.analytics.title);
  const today = (await page.evaluate(() => window.go.api.Analytics.Choices())).today;
  const [y, m] = today.split('-').map(Number);
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  const period = { from: iso(Date.UTC(y, m - 2, 1)), to: iso(Date.UTC(y, m - 1, 0)) };
  say(`today is ${today} there: last month is ${period.from} to ${period.to}`);
  await tid('analytics-preset').selectOption('last_month');
  // The compared line shows once the dashboard of the chosen days is in.
  await tid('analytics-compared').waitFor({ state: 'visible', timeout: 30000 });
  await waitFor('the dashboard to settle', async () =>
    (await tid('analytics-body').getAttribute('aria-busy')) === null && (await tid('analytics-tile').count()) > 0,
  30000);
  if (await tid('analytics-empty').count()) throw new Error('the Analytics screen says there is no data: the demo history is missing');
  const tiles = await tid('analytics-tile').evaluateAll((els) =>
    els.map((e) => ({
      key: e.getAttribute('data-key'),
      label: e.querySelector('[data-testid="tile-label"]').textContent.trim(),
      value: e.querySelector('[data-testid="tile-value"]').textContent.trim(),
      change: e.querySelector('[data-testid="tile-change"] > span:not(.arrow):not(.sr-only)')?.textContent.trim() ?? '',
      previous: (e.querySelector('[data-testid="tile-previous"]').textContent.split(/:\s*/).pop() || '').trim(),
    })),
  );
  const charts = (await tid('chart-title').allInnerTexts()).map((s) => s.trim());
  if (!tiles.some((t) => /[1-9]/.test(t.value))) throw new Error(`no KPI tile shows a figure: ${JSON.stringify(tiles)}`);
  say(`${tiles.length} tiles: ${tiles.map((t) => `${t.key}=${spaces(t.value)}`).join(', ')}`);
  say(`${charts.length} charts: ${charts.join(' | ')}`);
  const screen = { workspace: demo.name, period, tiles, charts };
  await shot(`${PREFIX}-analytics.png`);
  await tid('analytics-community').scrollIntoViewIfNeeded();
  await shot(`${PREFIX}-community.png`);

  // ---- the analysis, the report's language and agency
  await tid('analytics-analysis').fill(ANALYSIS);
  await tid('analytics-report-lang').selectOption('fr');
  await tid('analytics-agency').fill(AGENCY);

  // ---- Export PDF through the native dialog
  const pdf = join(OUT, `${PREFIX}.pdf`);
  const tp = Date.now();
  await exportTo({
    button: 'analytics-export-pdf', dialog: PDF_DIALOG, path: pdf, busy: 'analytics-progress',
    done: message(fr.analytics.export.pdfDone, { path: pdf }), dialogShot: `${PREFIX}-dialog-pdf.png`,
    busyShot: `${PREFIX}-progress.png`,
  });
  await toTop();
  await shot(`${PREFIX}-saved.png`);
  const { pages, compared } = checkPdf(pdf, screen);
  writeFileSync(join(ART, `${PREFIX}.pdf`), readFileSync(pdf)); // 0644, not the export's 0600
  const pngs = renderPages(pdf, pages);
  say(`PDF: ${statSync(pdf).size} bytes, ${pages} pages, ${compared} tiles as on screen, sections and analysis there; ` +
    `rendered ${pngs.join(', ')} (${((Date.now() - tp) / 1000).toFixed(1)} s)`);

  // ---- Export CSV through the native dialog
  const csv = join(OUT, `${PREFIX}.csv`);
  const tc = Date.now();
  await exportTo({
    button: 'analytics-export-csv', dialog: CSV_DIALOG, path: csv, busy: 'analytics-export-csv',
    done: message(fr.analytics.export.csvDone, { path: csv }), dialogShot: `${PREFIX}-dialog-csv.png`,
  });
  const c = checkCsv(csv, screen);
  writeFileSync(join(ART, `${PREFIX}.csv`), readFileSync(csv));
  say(`CSV: ${c.rows} rows (${c.kinds.join(', ')}), ${c.same} count tiles as on screen (${((Date.now() - tc) / 1000).toFixed(1)} s)`);

  // ---- The monthly report: a folder chosen in the native folder chooser,
  // then the scheduler's next poll (every 5 s) writes the month just over.
  const monthly = join(OUT, 'rapports-mensuels');
  mkdirSync(monthly);
  const tm = Date.now();
  await tid('monthly-lang').selectOption('fr');
  say('click monthly-choose');
  await tid('monthly-choose').click();
  await answerFolder(MONTHLY_DIALOG, monthly, `${PREFIX}-dialog-monthly.png`);
  await toastWith(message(fr.analytics.monthly.planned, { folder: monthly }));
  await waitFor('the panel to show the folder', async () => (await tid('monthly-folder').innerText()).trim() === monthly);
  const month = period.from.slice(0, 7);
  const written = await waitFor(`the report of ${month} in ${monthly}`, () =>
    readdirSync(monthly).find((f) => f.endsWith(`-${month}.pdf`)), 30000);
  const mpdf = join(monthly, written);
  const mtext = squeeze(run('pdftotext', [mpdf, '-']));
  const mpages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [mpdf]))[1]);
  for (const want of [SECTIONS[0], squeeze(demo.name), AGENCY, ANALYSIS]) {
    if (!mtext.includes(squeeze(want))) throw new Error(`the monthly report ${written} lacks ${JSON.stringify(want)}`);
  }
  if (mpages < MIN_PAGES) throw new Error(`the monthly report has ${mpages} pages, want at least ${MIN_PAGES}`);
  if (readdirSync(monthly).length !== 1) throw new Error(`the folder holds ${readdirSync(monthly).join(', ')}: want the one report, no temporary file`);
  writeFileSync(join(ART, `${PREFIX}-monthly.pdf`), readFileSync(mpdf));
  const monthName = new Intl.DateTimeFormat('fr', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period.from}T12:00:00Z`));
  await waitFor(`the panel to say "${monthName}" was written`, async () => squeeze(await tid('monthly-last').innerText()) === monthName, 15000);
  await tid('monthly-panel').scrollIntoViewIfNeeded();
  await shot(`${PREFIX}-monthly.png`);
  say(`monthly: ${written}, ${mpages} pages, written by the scheduler ${((Date.now() - tm) / 1000).toFixed(1)} s after the click`);
  await tid('monthly-stop').click();
  await tid('monthly-none').waitFor({ state: 'visible' });

  // ---- back to browser.mjs's workspace, whose posts browser.sh checks
  await switchTo(back);
  say('PASS (report part)');
} catch (e) {
  failed = true;
  console.error(`e2e-report: FAIL: ${e.message}`);
  await page.screenshot({ path: join(ART, `${PREFIX}-failure.png`), fullPage: true }).catch(() => {});
  try {
    run('import', ['-window', 'root', join(ART, `${PREFIX}-failure-x.png`)], { env: xenv });
  } catch {}
  console.error(`screens saved to ${join(ART, `${PREFIX}-failure.png`)} and ${PREFIX}-failure-x.png (wails dev's display)`);
  // A dialog left open holds its Go call: close it, wails dev then stops cleanly.
  for (const title of [PDF_DIALOG, CSV_DIALOG]) {
    const wid = dialogWindow(title);
    if (!wid) continue;
    try {
      xdotool('windowfocus', wid);
      xdotool('key', '--clearmodifiers', 'Escape');
    } catch {}
  }
} finally {
  if (problems.length) console.error(`page errors seen:\n  ${problems.join('\n  ')}`);
  await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
