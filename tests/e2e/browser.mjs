// End-to-end test (b): the real frontend and the real Go backend, driven in
// Debian's Chromium by playwright-core. Run by tests/e2e/browser.sh, which
// starts `wails dev` (serving http://localhost:34115, where window.go.* calls
// the real Go) and checks the store afterwards with the ruche CLI.
//
// Env: RUCHE_URL (default http://localhost:34115), ART (screenshots folder),
// RESULT (a JSON file this writes: the renamed workspace's id and name).
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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

let failed = false;
try {
  say(`open ${URL}`);
  await page.goto(URL, { waitUntil: 'domcontentloaded', timeout: 60000 });
  await tid('nav-settings').waitFor({ state: 'visible', timeout: 30000 });
  await waitFor('the Go bindings (window.go.api.Settings)', () => page.evaluate(() => typeof window.go?.api?.Settings?.ListWorkspaces === 'function'));
  await shot('browser-start.png');

  // ---- French
  say('Settings, language: fr');
  await tid('nav-settings').click();
  await tid('lang-select').selectOption('fr');
  await waitFor(`the sidebar to say "${fr.nav.settings}"`, async () => (await tid('nav-settings').innerText()).trim() === fr.nav.settings);
  await waitFor(`the button "${fr.settings.workspaces.new}"`, async () => (await tid('ws-new').innerText()).includes(fr.settings.workspaces.new));
  if (fr.nav.settings === en.nav.settings) throw new Error('fr.json and en.json say the same for nav.settings: the check proves nothing');
  await shot('browser-fr.png');

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

  writeFileSync(RESULT, JSON.stringify({ id, name: RENAMED, count: list.length }));
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
