// End-to-end test (b): the real frontend and the real Go backend, driven in
// Debian's Chromium by playwright-core. Run by tests/e2e/browser.sh, which
// starts `wails dev` (serving http://localhost:34115, where window.go.* calls
// the real Go) and checks the store afterwards with the ruche CLI.
//
// First the window stays on the app (navigation.mjs: hostile links clicked,
// window.open, location.href, a link and a file dropped in). Then the
// calendar (issue 3): two posts created through the real Go API
// (window.go.api.Composer.Create) on the testnet account browser.sh added
// with the CLI; one is dragged with the mouse to the next day (the page and
// Composer.Get show the new day), the other into the past (refused: it stays,
// a toast with code post.time_past appears). Then the workspaces: French,
// create, rename, ListWorkspaces(); the background jobs in Settings.
//
// Env: RUCHE_URL (default http://localhost:34115), ART (screenshots folder),
// RESULT (a JSON file this writes: the renamed workspace's id and name, and
// what the calendar's posts must be in the store).
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { windowStays } from './navigation.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const URL = process.env.RUCHE_URL || 'http://localhost:34115';
const ART = process.env.ART || join(ROOT, 'artifacts');
const RESULT = process.env.RESULT || join(tmpdir(), 'ruche-browser-result.json');
const NAME = 'Atelier Éole';
const RENAMED = 'Atelier Éole – Lyon';
const fr = JSON.parse(readFileSync(join(ROOT, 'frontend/src/locales/fr.json'), 'utf8'));
const en = JSON.parse(readFileSync(join(ROOT, 'frontend/src/locales/en.json'), 'utf8'));

mkdirSync(ART, { recursive: true });
const t0 = Date.now();
const say = (m) => console.log(`[chromium ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${m}`);
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

const profile = mkdtempSync(join(tmpdir(), 'ruche-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
  viewport: { width: 1280, height: 800 },
  locale: 'en-US',
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

// ---------------------------------------------------------------- calendar

const DAY_MS = 86400000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (d) => Date.parse(`${d}T00:00:00Z`);
function todayIn(zone) {
  // en-CA formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
// The first Monday-Thursday from the 10th of next month: the day and the
// next share a week row whether weeks start on Sunday or Monday.
function dayNextMonth(today) {
  const [y, m] = today.split('-').map(Number);
  for (let d = 10; d <= 13; d++) {
    const ms = Date.UTC(y, m, d); // month m (0-based) is next month
    const wd = new Date(ms).getUTCDay();
    if (wd >= 1 && wd <= 4) return iso(ms);
  }
  throw new Error('unreachable');
}

const eventOf = (id) => page.locator(`[data-testid="post-event"][data-post-id="${id}"]`);
const cellOf = (date) => page.locator(`td.fc-daygrid-day[data-date="${date}"]`);
const get = (id) => page.evaluate((id) => window.go.api.Composer.Get(id), id);

// dragTo drags post id's event to the middle of the month view's day cell
// like a hand: press, leave by a few pixels, move in steps, rest, release.
async function dragTo(id, date) {
  const ev = eventOf(id);
  await ev.scrollIntoViewIfNeeded();
  const a = await ev.boundingBox();
  const b = await cellOf(date).boundingBox();
  if (!a || !b) throw new Error(`no box for the event (${JSON.stringify(a)}) or the cell ${date} (${JSON.stringify(b)})`);
  const from = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const to = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  say(`drag ${id} from (${Math.round(from.x)},${Math.round(from.y)}) to the cell ${date} (${Math.round(to.x)},${Math.round(to.y)})`);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 6, from.y + 4, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 14 });
  await sleep(150);
  await page.mouse.move(to.x + 1, to.y, { steps: 1 });
  await sleep(100);
  await page.mouse.up();
}

// showMonthWith: the month view showing date (from today's month, "›" at most 3 times).
async function showMonthWith(date) {
  await tid('cal-view-month').click();
  await tid('cal-today').click();
  for (let i = 0; i < 4; i++) {
    if (await cellOf(date).count()) return;
    if (i === 3) break;
    const title = await tid('cal-title').innerText();
    await tid('cal-next').click();
    await waitFor('the next month', async () => (await tid('cal-title').innerText()) !== title);
  }
  throw new Error(`no day cell ${date} after 3 clicks on "›" (title: ${await tid('cal-title').innerText()})`);
}

async function waitEventOn(id, date) {
  await waitFor(`post ${id} drawn on ${date}`, async () => {
    const dates = await eventOf(id).evaluateAll((els) => els.map((e) => e.getAttribute('data-date')));
    return dates.length === 1 && dates[0] === date && (await cellOf(date).locator(`[data-testid="post-event"][data-post-id="${id}"]`).count()) === 1;
  });
}

async function calendarDrags() {
  const workspaces = await page.evaluate(() => window.go.api.Settings.ListWorkspaces());
  const current = workspaces.find((w) => w.current);
  if (!current) throw new Error(`no current workspace: ${JSON.stringify(workspaces)}`);
  const zone = current.timeZone;
  const accounts = await page.evaluate(() => window.go.api.Composer.Accounts());
  const acc = accounts.find((a) => a.network === 'testnet');
  if (!acc) throw new Error(`no testnet account in the current workspace (${current.name}): ${JSON.stringify(accounts)}`);
  say(`workspace ${JSON.stringify(current.name)} (${zone}), account ${acc.handle} (${acc.id})`);
  const input = (text) => ({
    authorNote: '',
    pillar: '',
    campaigns: [],
    variants: [{ accountId: acc.id, network: acc.network, text, link: '', firstComment: '', thread: [], media: [] }],
  });

  // ---- drag to the next day
  const today = todayIn(zone);
  const d = dayNextMonth(today);
  const d1 = iso(dayMs(d) + DAY_MS);
  const created = await page.evaluate(([i, d]) => window.go.api.Composer.Create(i, d, '10:00'), [input('Glisse-moi au lendemain'), d]);
  if (created.localDate !== d || created.localTime !== '10:00' || created.status !== 'scheduled') {
    throw new Error(`Composer.Create gave ${JSON.stringify(created)}`);
  }
  const id = created.id;
  say(`created ${id} on ${d} 10:00 ${zone} (${created.scheduledAt}); today is ${today} there`);

  await tid('nav-calendar').click();
  await tid('calendar').waitFor({ state: 'visible' });
  await showMonthWith(d);
  await waitEventOn(id, d);
  await shot('browser-drag-before.png');
  await dragTo(id, d1);
  await waitEventOn(id, d1);
  const moved = await waitFor(`Composer.Get(${id}) on ${d1}`, async () => {
    const p = await get(id);
    return p.localDate === d1 ? p : null;
  });
  if (moved.localTime !== '10:00' || moved.status !== 'scheduled') throw new Error(`after the drag: ${JSON.stringify(moved)}`);
  // Mid-month, no DST change between the two days: exactly 24 h later.
  if (Date.parse(moved.scheduledAt) - Date.parse(created.scheduledAt) !== DAY_MS) {
    throw new Error(`scheduledAt went from ${created.scheduledAt} to ${moved.scheduledAt}, not 24 h later`);
  }
  const errors = await tid('toast').count();
  if (errors) throw new Error(`a toast appeared after a valid drag: ${await tid('toast').first().innerText()}`);
  say(`moved: Composer.Get says ${moved.localDate} ${moved.localTime} (${moved.scheduledAt})`);
  await shot('browser-drag-after.png');

  // ---- drag into the past: refused, reverted, explained
  // Needs a past and a future day in the month view of today. Today may be
  // the first or the last cell (the 1st or the last day of a month on the
  // week's edge): the other language's first weekday then shows both.
  await tid('cal-today').click();
  let days = [];
  for (const attempt of [0, 1]) {
    await tid('calendar').locator('td.fc-day-today').waitFor({ state: 'visible' });
    days = await page.locator('td.fc-daygrid-day[data-date]').evaluateAll((els) => els.map((e) => e.getAttribute('data-date')));
    const t = await page.locator('td.fc-daygrid-day.fc-day-today').getAttribute('data-date');
    if (t !== today) throw new Error(`the calendar's today is ${t}, expected ${today} in ${zone}`);
    if (days.some((x) => x < today) && days.some((x) => x > today)) break;
    if (attempt === 1) throw new Error(`no past or no future day around ${today} in ${JSON.stringify(days)}`);
    const other = (await tid('nav-settings').innerText()).trim() === fr.nav.settings ? 'en' : 'fr';
    say(`today ${today} is on the edge of the month view (${days[0]} to ${days[days.length - 1]}): switching the language to ${other}`);
    await tid('nav-settings').click();
    await tid('lang-select').selectOption(other);
    await tid('nav-calendar').click();
    await tid('cal-view-month').click();
    await tid('cal-today').click();
  }
  const past = days.filter((x) => x < today).pop(); // yesterday, or the closest past day shown
  const future = days.find((x) => x > today); // tomorrow, or the closest future day shown
  const p2 = await page.evaluate(([i, d]) => window.go.api.Composer.Create(i, d, '10:00'), [input('Pas dans le passé'), future]);
  const id2 = p2.id;
  say(`created ${id2} on ${future} 10:00; dragging it to ${past}`);
  await tid('cal-next').click(); // a new range is fetched: the post appears
  await tid('cal-today').click();
  await waitEventOn(id2, future);
  await dragTo(id2, past);
  const toast = page.locator('[data-testid="toast"][data-code="post.time_past"]');
  await waitFor('a toast with code post.time_past', async () => (await toast.count()) === 1);
  await waitEventOn(id2, future);
  await sleep(500); // nothing moves it later either
  await waitEventOn(id2, future);
  const still = await get(id2);
  if (still.localDate !== future || still.localTime !== '10:00' || still.scheduledAt !== p2.scheduledAt || still.status !== 'scheduled') {
    throw new Error(`the refused post changed: ${JSON.stringify(p2)} -> ${JSON.stringify(still)}`);
  }
  say(`refused: toast ${JSON.stringify(await toast.innerText())}; the post stays on ${still.localDate} ${still.localTime}`);
  await shot('browser-drag-refused.png');
  await toast.locator('[data-testid="toast-dismiss"]').click();
  await toast.waitFor({ state: 'detached' });

  return {
    workspaceId: current.id,
    zone,
    moved: { id, localDate: d1, localTime: '10:00', scheduledAt: moved.scheduledAt },
    refused: { id: id2, localDate: future, localTime: '10:00', scheduledAt: p2.scheduledAt },
  };
}

let failed = false;
try {
  say(`open ${URL}`);
  await page.goto(URL, { waitUntil: 'domcontentloaded', timeout: 60000 });
  await tid('nav-settings').waitFor({ state: 'visible', timeout: 30000 });
  await waitFor('the Go bindings (window.go.api.Settings)', () => page.evaluate(() => typeof window.go?.api?.Settings?.ListWorkspaces === 'function'));
  await shot('browser-start.png');

  // Before the calendar: its drags then also show the guard leaves them be.
  await windowStays(page, context, say);
  const drags = await calendarDrags();

  // ---- French
  say('Settings, language: fr');
  await tid('nav-settings').click();
  await tid('lang-select').selectOption('fr');
  await waitFor(`the sidebar to say "${fr.nav.settings}"`, async () => (await tid('nav-settings').innerText()).trim() === fr.nav.settings);
  await waitFor(`the button "${fr.settings.workspaces.new}"`, async () => (await tid('ws-new').innerText()).includes(fr.settings.workspaces.new));
  if (fr.nav.settings === en.nav.settings) throw new Error('fr.json and en.json say the same for nav.settings: the check proves nothing');
  await shot('browser-fr.png');

  // ---- the background jobs run beside the publisher, shown in Settings
  say('Settings → background jobs');
  const jobs = page.locator('[data-testid="job-row"]');
  await waitFor('the four jobs listed, each run once', async () => {
    const rows = await jobs.evaluateAll((els) => els.map((e) => ({ name: e.dataset.job, status: e.dataset.status,
      last: e.querySelector('[data-testid="job-last"]')?.textContent?.trim() })));
    return rows.length === 4 && rows.every((r) => r.status !== 'pending' && r.last && r.last !== fr.settings.jobs.never) && rows;
  });
  await tid('jobs-section').scrollIntoViewIfNeeded();
  await tid('jobs-section').screenshot({ path: join(ART, 'browser-jobs.png') });

  // ---- create
  say(`create "${NAME}"`);
  const before = await page.evaluate(() => window.go.api.Settings.ListWorkspaces());
  await tid('ws-new').click();
  await tid('ws-name-input').fill(NAME);
  await tid('ws-save').click();
  const row = page.locator(`[data-testid="ws-row"][data-ws-name="${NAME}"]`);
  await row.waitFor({ state: 'visible' });
  const id = await row.getAttribute('data-ws-id');
  if (!id) throw new Error('the new row has no data-ws-id');
  say(`created, id ${id}`);
  await shot('browser-created.png');

  // ---- rename through edit
  say(`rename to "${RENAMED}"`);
  await page.locator(`[data-testid="ws-row"][data-ws-id="${id}"] [data-testid="ws-edit"]`).click();
  await waitFor('the edit form with the current name', async () => (await tid('ws-name-input').inputValue()) === NAME);
  await tid('ws-name-input').fill(RENAMED);
  await tid('ws-save').click();
  const renamedRow = page.locator(`[data-testid="ws-row"][data-ws-id="${id}"]`);
  await waitFor('the row to carry the new name', async () => (await renamedRow.getAttribute('data-ws-name')) === RENAMED);
  await waitFor('the new name on screen', async () => (await renamedRow.innerText()).includes(RENAMED));
  const stale = await page.locator(`[data-testid="ws-row"][data-ws-name="${NAME}"]`).count();
  if (stale) throw new Error(`a row still shows the old name "${NAME}"`);
  await shot('browser-renamed.png');

  // ---- the store, through the real Go binding
  const list = await page.evaluate(() => window.go.api.Settings.ListWorkspaces());
  const w = list.find((x) => x.id === id);
  if (!w) throw new Error(`ListWorkspaces() has no workspace ${id}: ${JSON.stringify(list)}`);
  if (w.name !== RENAMED) throw new Error(`ListWorkspaces() says ${JSON.stringify(w.name)}, expected ${JSON.stringify(RENAMED)}`);
  if (list.length !== before.length + 1) throw new Error(`expected ${before.length + 1} workspaces, ListWorkspaces() has ${list.length}`);
  say(`ListWorkspaces(): ${list.length} workspace(s), ${id} is ${JSON.stringify(w.name)}`);

  // ---- the home screen shows the current workspace
  await tid('nav-home').click();
  const current = list.find((x) => x.current);
  if (current) {
    await waitFor(`home-title "${current.name}"`, async () => (await tid('home-title').innerText()).trim() === current.name);
  }
  await shot('browser-home.png');

  // ---- back to the calendar's workspace: the CLI (browser.sh) shows the
  // posts of the current workspace only.
  if (current?.id !== drags.workspaceId) {
    say(`switch back to the workspace ${drags.workspaceId}`);
    await tid('nav-settings').click();
    await page.locator(`[data-testid="ws-row"][data-ws-id="${drags.workspaceId}"] [data-testid="ws-switch"]`).click();
    await waitFor('the calendar\'s workspace to be current again', async () =>
      (await page.evaluate(() => window.go.api.Settings.ListWorkspaces())).find((x) => x.current)?.id === drags.workspaceId,
    );
  }

  writeFileSync(RESULT, JSON.stringify({ id, name: RENAMED, count: list.length, drags }));
  say('PASS (browser part)');
} catch (e) {
  failed = true;
  console.error(`e2e-browser: FAIL: ${e.message}`);
  await page.screenshot({ path: join(ART, 'browser-failure.png'), fullPage: true }).catch(() => {});
  console.error(`screen saved to ${join(ART, 'browser-failure.png')}`);
} finally {
  if (problems.length) console.error(`page errors seen:\n  ${problems.join('\n  ')}`);
  await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
