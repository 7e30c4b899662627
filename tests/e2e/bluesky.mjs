// End-to-end test of issue 4 in Debian's Chromium (playwright-core) against
// the real frontend and Go backend (`wails dev`, started by bluesky.sh) and
// a real local Bluesky network (tests/peers/bluesky):
//
// 1. the Accounts screen connects brand.test with its app password;
// 2. the composer writes a post with a link (to a page this script serves,
//    with Open Graph tags and an image), a mention of fan.test, a hashtag
//    and an image dropped on the media zone (the event the Wails file drop
//    sends, with a real file path), and schedules it about a minute ahead;
// 3. the scheduler publishes it; the calendar shows it published and the
//    post its bsky.app address;
// 4. the PDS holds the record (com.atproto.repo.getRecord) with the right
//    facets on UTF-8 byte offsets, the image blob and its alt text.
//
// Env: RUCHE_URL, ART, RESULT, BLUESKY_PDS_URL, BLUESKY_BRAND_HANDLE,
// BLUESKY_BRAND_APP_PASSWORD, BLUESKY_FAN_HANDLE, BLUESKY_FAN_DID, IMAGE.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const URL = process.env.RUCHE_URL || 'http://localhost:34115';
const ART = process.env.ART;
const PDS = process.env.BLUESKY_PDS_URL;
const BRAND = process.env.BLUESKY_BRAND_HANDLE;
const PASSWORD = process.env.BLUESKY_BRAND_APP_PASSWORD;
const FAN = process.env.BLUESKY_FAN_HANDLE;
const FAN_DID = process.env.BLUESKY_FAN_DID;
const IMAGE = process.env.IMAGE;
for (const [k, v] of Object.entries({ PDS, BRAND, PASSWORD, FAN, FAN_DID, IMAGE, ART })) {
  if (!v) throw new Error(`missing ${k}`);
}
mkdirSync(ART, { recursive: true });

const t0 = Date.now();
const say = (m) => console.log(`[chromium ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
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
    await sleep(250);
  }
}

// The linked page, with Open Graph tags: the link card's title comes from it.
const ogImage = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);
const site = createServer((req, res) => {
  if (req.url.startsWith('/og.png')) {
    res.writeHead(200, { 'Content-Type': 'image/png' });
    return res.end(ogImage);
  }
  const base = `http://127.0.0.1:${site.address().port}`;
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><title>Atelier</title>
<meta property="og:title" content="L’atelier du Fournil">
<meta property="og:description" content="Portes ouvertes samedi">
<meta property="og:image" content="${base}/og.png"></head><body>Atelier</body></html>`);
});
await new Promise((r) => site.listen(0, '127.0.0.1', r));
const LINK = `http://127.0.0.1:${site.address().port}/atelier`;
const TEXT = `Fournée spéciale 🥐 avec @${FAN} : ${LINK} #pain`;

const profile = mkdtempSync(join(tmpdir(), 'ruche-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  viewport: { width: 1280, height: 800 },
  locale: 'en-US',
  timeout: 60000,
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(15000);
const problems = [];
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
const tid = (id) => page.locator(`[data-testid="${id}"]`);
const shot = async (name) => {
  await page.screenshot({ path: join(ART, name), fullPage: true });
  say(`saved artifacts/${name}`);
};
const result = {};
try {
  await page.goto(URL, { waitUntil: 'domcontentloaded' });
  await waitFor('window.go', () => page.evaluate(() => !!window.go?.api?.Accounts));

  // ---- 1. connect brand.test on the Accounts screen
  await tid('nav-accounts').click();
  await tid('accounts-connect').first().click();
  await tid('connect-bluesky').click();
  await tid('bluesky-handle').fill(BRAND);
  await tid('bluesky-password').fill(PASSWORD);
  await page.locator('details.advanced > summary').click();
  await tid('bluesky-service').fill(PDS);
  await shot('bluesky-1-connect.png');
  await tid('bluesky-submit').click();
  const row = page.locator('[data-testid="account-row"]', { hasText: BRAND });
  await waitFor('the connected account', async () => (await row.getAttribute('data-health')) === 'connected', 30000);
  result.accountId = await row.getAttribute('data-account-id');
  say(`connected ${BRAND} as account ${result.accountId}`);
  await shot('bluesky-2-accounts.png');

  // ---- 2. compose: text, image dropped, about a minute ahead
  await tid('nav-calendar').click();
  await tid('cal-new-post').click();
  await page.locator(`[data-testid="composer-account"][data-account-id="${result.accountId}"]`).check();
  await tid('composer-text').fill(TEXT);
  const zone = await page.locator('[data-testid="media-drop"]').first();
  const box = await zone.boundingBox();
  say(`drop ${IMAGE} on the media zone`);
  await page.evaluate(
    ([x, y, path]) => window.runtime.EventsEmit('wails:file-drop', x, y, [path]),
    [box.x + box.width / 2, box.y + box.height / 2, IMAGE],
  );
  await waitFor('the dropped image', async () => (await tid('media-item').count()) === 1);
  await tid('media-alt').fill('Une fournée de croissants');
  // At least a minute ahead, in the workspace's zone, to the minute.
  const when = new Date(Date.now() + 120000);
  const ws = await page.evaluate(() => window.go.api.Settings.ListWorkspaces());
  const tz = ws.find((w) => w.current)?.timeZone || ws[0].timeZone;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(when).map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  await tid('composer-date').fill(date);
  await tid('composer-time').fill(time);
  await waitFor('no blocking finding', async () => !(await tid('composer-schedule').isDisabled()));
  await shot('bluesky-3-composer.png');
  await tid('composer-schedule').click();
  say(`scheduled at ${date} ${time} ${tz}`);

  // ---- 3. published by the scheduler; the calendar and the post show it
  let postId = null;
  await waitFor('the scheduled post in the calendar', async () => {
    const days = await page.evaluate(([d]) => {
      const next = new Date(Date.parse(`${d}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
      return window.go.api.Calendar.Range(d, next);
    }, [date]);
    const p = days.days.flatMap((d) => d.posts).find((p) => p.title.startsWith('Fournée spéciale'));
    postId = p?.id;
    return postId;
  });
  result.postId = postId;
  const post = await waitFor(
    'the post published by the scheduler',
    async () => {
      const p = await page.evaluate((id) => window.go.api.Composer.Get(id), postId);
      if (p.status === 'failed') throw new Error(`the post failed: ${JSON.stringify(p.deliveries)}`);
      return p.status === 'published' ? p : null;
    },
    240000,
  );
  result.url = post.deliveries[0].url;
  result.remoteId = post.deliveries[0].remoteId;
  say(`published: ${result.url} (${result.remoteId})`);
  const ev = page.locator(`[data-testid="post-event"][data-post-id="${postId}"]`);
  await waitFor('the calendar event marked published', async () => (await ev.getAttribute('class'))?.includes('status-published'), 30000);
  await shot('bluesky-4-calendar.png');
  await ev.click();
  await waitFor('the post address in the composer', async () => (await tid('composer-deliveries').innerText()).includes(result.url));
  await tid('composer-deliveries').scrollIntoViewIfNeeded();
  await shot('bluesky-5-published.png');

  // ---- 4. what the PDS holds
  const [, repo, collection, rkey] = result.remoteId.match(/^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/);
  const rec = await (await fetch(`${PDS}/xrpc/com.atproto.repo.getRecord?repo=${repo}&collection=${collection}&rkey=${rkey}`)).json();
  const v = rec.value;
  const bytes = Buffer.from(v.text, 'utf8');
  const slice = (f) => bytes.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8');
  const kinds = Object.fromEntries(v.facets.map((f) => [f.features[0].$type, f]));
  const checks = [
    [v.text === TEXT, `text ${JSON.stringify(v.text)}`],
    [slice(kinds['app.bsky.richtext.facet#link']) === LINK && kinds['app.bsky.richtext.facet#link'].features[0].uri === LINK, 'link facet'],
    [slice(kinds['app.bsky.richtext.facet#mention']) === `@${FAN}` && kinds['app.bsky.richtext.facet#mention'].features[0].did === FAN_DID, 'mention facet'],
    [slice(kinds['app.bsky.richtext.facet#tag']) === '#pain' && kinds['app.bsky.richtext.facet#tag'].features[0].tag === 'pain', 'tag facet'],
    [v.embed?.$type === 'app.bsky.embed.images' && v.embed.images.length === 1, 'image embed'],
    [v.embed?.images?.[0]?.alt === 'Une fournée de croissants', 'alt text'],
    [v.embed?.images?.[0]?.image?.ref?.$link?.length > 10 && v.embed.images[0].image.size <= 1000000, 'image blob'],
  ];
  for (const [ok, what] of checks) if (!ok) throw new Error(`the record on the PDS is wrong: ${what}\n${JSON.stringify(rec, null, 2)}`);
  result.record = { facets: v.facets.length, blob: v.embed.images[0].image.ref.$link, size: v.embed.images[0].image.size };
  say(`PDS record ${rkey}: text, 3 facets on byte offsets (link, mention ${FAN_DID}, #pain), image blob ${result.record.size} bytes with alt text`);
  if (problems.length) throw new Error(`the page reported errors:\n${problems.join('\n')}`);
  writeFileSync(process.env.RESULT, JSON.stringify(result));
  say('PASS');
} catch (e) {
  await shot('bluesky-failure.png').catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await context.close();
  site.close();
}
