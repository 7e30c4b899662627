// Screenshots of the built window (frontend/dist) in Debian's Chromium with
// a fake Go backend (scripts/fake-go.js), at 1280×800, under the window's
// own Content-Security-Policy. Fails on any page error, console error or CSP
// violation.
//
//   npm run build && node scripts/screens.mjs        (ART=folder to change where)
//
// playwright-core comes from tests/e2e (never a browser download).
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { mkdirSync, readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))
const FRONT = join(HERE, '..')
const ROOT = join(FRONT, '..')
const DIST = join(FRONT, 'dist')
const ART = process.env.ART || join(ROOT, 'artifacts')
const require = createRequire(join(ROOT, 'tests/e2e/package.json'))
const { chromium } = require('playwright-core')

if (!existsSync(join(DIST, 'index.html'))) throw new Error('frontend/dist is not built: npm run build')
mkdirSync(ART, { recursive: true })

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' }
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
  const file = join(DIST, path === '/' ? 'index.html' : path)
  if (!file.startsWith(DIST) || !existsSync(file)) {
    res.writeHead(404).end()
    return
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const BASE = `http://127.0.0.1:${server.address().port}/`
const fake = readFileSync(join(HERE, 'fake-go.js'), 'utf8')

const profile = mkdtempSync(join(tmpdir(), 'ruche-screens-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: 1280, height: 800 },
  locale: 'fr-FR',
  timezoneId: 'America/Montreal', // not the workspace's zone: times must still show Paris
})
const problems = []
const say = (m) => console.log(`[screens] ${m}`)

async function open(cfg) {
  const page = await context.newPage()
  page.on('pageerror', (e) => problems.push(`${cfg.name}: pageerror: ${e.message}`))
  page.on('console', (m) => m.type() === 'error' && problems.push(`${cfg.name}: console.error: ${m.text()}`))
  await page.addInitScript(`window.__RUCHE_FAKE__ = ${JSON.stringify(cfg)};
    document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));`)
  await page.addInitScript(fake)
  await page.goto(BASE)
  await page.locator('[data-testid="nav-calendar"]').waitFor()
  return page
}
const tid = (page, id) => page.locator(`[data-testid="${id}"]`)
async function shot(page, name) {
  await page.waitForTimeout(250)
  await page.screenshot({ path: join(ART, name) })
  say(`saved ${join(ART, name)}`)
}

try {
  for (const lang of ['fr', 'en']) {
    const page = await open({ name: `month-${lang}`, lang, missed: false })
    await tid(page, 'nav-calendar').click()
    await tid(page, 'post-event').first().waitFor()
    const n = await tid(page, 'post-event').count()
    say(`${lang}: ${n} events in the month view`)
    await shot(page, `calendar-month-${lang}.png`)
    if (lang === 'fr') {
      await tid(page, 'cal-view-week').click()
      await page.locator('.fc-timeGridWeek-view').waitFor()
      await shot(page, 'calendar-week-fr.png')
      await tid(page, 'cal-view-list').click()
      await page.locator('.fc-listWeek-view').waitFor()
      await shot(page, 'calendar-list-fr.png')
      await tid(page, 'cal-view-month').click()
      await tid(page, 'import-csv').click()
      await tid(page, 'import-dialog').waitFor()
      await shot(page, 'calendar-import-fr.png')
      await tid(page, 'import-cancel').click()
      await tid(page, 'pause-open').click()
      await tid(page, 'pause-reason').fill('Incident en cours')
      await shot(page, 'calendar-pause-dialog-fr.png')
      await page.keyboard.press('Escape')
    } else {
      await tid(page, 'cal-view-week').click()
      await page.locator('.fc-timeGridWeek-view').waitFor()
      await shot(page, 'calendar-week-en.png')
    }
    await page.close()
  }

  {
    const page = await open({ name: 'paused', lang: 'fr', paused: true, missed: true })
    await tid(page, 'nav-calendar').click()
    await tid(page, 'missed-dialog').waitFor()
    await shot(page, 'calendar-missed-fr.png')
    await tid(page, 'missed-later').click()
    await tid(page, 'pause-banner').waitFor()
    await shot(page, 'calendar-paused-fr.png')
    await page.close()
  }

  // Real drags (FullCalendar's pointer handling in Chromium) against the fake.
  {
    const page = await open({ name: 'drag', lang: 'fr' })
    await tid(page, 'nav-calendar').click()
    await tid(page, 'post-event').first().waitFor()
    const facts = await page.evaluate(() => {
      const now = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
      const posts = window.__RUCHE_FAKE_POSTS__
      const cells = [...document.querySelectorAll('.fc-daygrid-day[data-date]')].map((c) => c.getAttribute('data-date'))
      const busy = new Set(posts.map((p) => p.localDate))
      const future = cells.filter((d) => d > now)
      return {
        now,
        scheduled: posts.find((p) => p.status === 'scheduled' && cells.includes(p.localDate) && p.localDate > now)?.id,
        past: cells.find((d) => d < now),
        free: future.find((d) => !busy.has(d)) ?? future[future.length - 1],
        other: future.filter((d) => !busy.has(d))[1] ?? future[future.length - 2],
      }
    })
    say(`drag facts: ${JSON.stringify(facts)}`)
    async function drag(from, to) {
      const a = await from.boundingBox()
      const b = await to.boundingBox()
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2)
      await page.mouse.down()
      await page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 8, { steps: 4 })
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 })
      await page.waitForTimeout(150)
      await page.mouse.up()
      await page.waitForTimeout(600)
    }
    const ev = () => page.locator(`[data-testid="post-event"][data-post-id="${facts.scheduled}"]`)
    const cell = (d) => page.locator(`.fc-daygrid-day[data-date="${d}"]`)
    const stored = (id) => page.evaluate((id) => window.__RUCHE_FAKE_POSTS__.find((p) => p.id === id), id)

    const before = await stored(facts.scheduled)
    await drag(ev(), cell(facts.free))
    const after = await stored(facts.scheduled)
    say(`drag ${facts.scheduled}: ${before.localDate} ${before.localTime} -> ${after.localDate} ${after.localTime}; on screen ${await ev().getAttribute('data-date')}`)
    if (after.localDate !== facts.free || after.localTime !== before.localTime) problems.push('drag: the store does not hold the new day')
    if ((await ev().getAttribute('data-date')) !== facts.free) problems.push('drag: the event is not on the new day')

    if (facts.past) {
      await drag(ev(), cell(facts.past))
      const back = await stored(facts.scheduled)
      const toast = await tid(page, 'toast').first().getAttribute('data-code').catch(() => null)
      say(`drag into the past: store ${back.localDate}, screen ${await ev().getAttribute('data-date')}, toast ${toast}`)
      if (back.localDate !== facts.free || (await ev().getAttribute('data-date')) !== facts.free) problems.push('drag into the past: not reverted')
      if (toast !== 'post.time_past') problems.push('drag into the past: no toast with the reason')
      await shot(page, 'calendar-drag-refused-fr.png')
      for (const b of await tid(page, 'toast-dismiss').all()) await b.click()
    }

    const draft = page.locator('[data-testid="draft-item"]').first()
    const draftId = await draft.getAttribute('data-post-id')
    await drag(draft, cell(facts.other))
    const placed = await stored(draftId)
    say(`draft ${draftId} dropped: ${placed.localDate} ${placed.localTime} (${placed.status})`)
    if (placed.localDate !== facts.other || placed.localTime !== '09:00') problems.push('draft drop: not scheduled on the day at 09:00')
    if (await page.locator(`[data-testid="draft-item"][data-post-id="${draftId}"]`).count()) problems.push('draft drop: still in the side list')
    if (!(await page.locator(`[data-testid="post-event"][data-post-id="${draftId}"]`).count())) problems.push('draft drop: not on the calendar')

    // Week view: a drag changes the time too.
    await tid(page, 'cal-view-week').click()
    await page.locator('.fc-timeGridWeek-view').waitFor()
    const wk = await page.evaluate(() => {
      const days = [...document.querySelectorAll('.fc-timegrid-col[data-date]')].map((c) => c.getAttribute('data-date'))
      const now = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
      const p = window.__RUCHE_FAKE_POSTS__.find((x) => x.status === 'scheduled' && days.includes(x.localDate) && x.localDate > now)
      return { id: p?.id, date: p?.localDate, time: p?.localTime }
    })
    if (wk.id) {
      const e = page.locator(`[data-testid="post-event"][data-post-id="${wk.id}"]`)
      const box = await e.boundingBox()
      const slot = await page.locator('.fc-timegrid-slot-lane').first().boundingBox()
      await page.mouse.move(box.x + box.width / 2, box.y + 6)
      await page.mouse.down()
      await page.mouse.move(box.x + box.width / 2, box.y + 14, { steps: 3 })
      await page.mouse.move(box.x + box.width / 2, box.y + 6 + slot.height * 2, { steps: 10 })
      await page.waitForTimeout(150)
      await page.mouse.up()
      await page.waitForTimeout(600)
      const moved = await stored(wk.id)
      say(`week drag ${wk.id}: ${wk.date} ${wk.time} -> ${moved.localDate} ${moved.localTime}`)
      const [h, m] = wk.time.split(':').map(Number)
      const want = `${String(h + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`
      if (moved.localTime !== want || moved.localDate !== wk.date) problems.push(`week drag: expected ${wk.date} ${want}`)
    }
    await page.close()
  }

  for (const lang of ['fr', 'en']) {
    const page = await open({ name: `composer-${lang}`, lang })
    await tid(page, 'nav-calendar').click()
    await tid(page, 'cal-new-post').click()
    await tid(page, 'composer').waitFor()
    for (const id of ['a-bsky', 'a-masto', 'a-li']) await page.locator(`[data-testid="composer-account"][data-account-id="${id}"]`).check()
    const text =
      lang === 'fr'
        ? 'Ce samedi, atelier pain en famille au fournil ! 🥖 Venez pétrir, façonner et cuire votre propre boule de campagne avec @lucie.bsky.social, notre apprentie. Tabliers fournis, goûter offert aux enfants, et chacun repart avec son pain encore tiède. Places limitées à douze personnes : réservez sur https://boulangerie-martin.fr/atelier avant jeudi soir. #boulangerie #atelier #faitmaison #Lyon'
        : 'This Saturday, family bread workshop at the bakehouse! 🥖 Come and knead, shape and bake your own country loaf with @lucie.bsky.social, our apprentice. Aprons provided, a snack for the children, and everyone leaves with their loaf still warm. Places are limited to twelve people: book on https://boulangerie-martin.fr/atelier before Thursday evening. #bakery #workshop #homemade'
    await tid(page, 'composer-text').fill(text)
    await tid(page, 'composer-pillar').fill(lang === 'fr' ? 'Événements' : 'Events')
    await tid(page, 'composer-add-media').click()
    await tid(page, 'media-item').waitFor()
    await page.locator('[data-testid="variant-tab"][data-account-id="a-bsky"]').click()
    await page.waitForTimeout(400)
    const over = await page.locator('[data-testid="counter"][data-account-id="a-bsky"]').getAttribute('data-over')
    say(`${lang}: bluesky counter data-over=${over}`)
    if (over !== 'true') problems.push(`composer-${lang}: the Bluesky counter is not over`)
    await shot(page, `composer-over-${lang}.png`)
    if (lang === 'fr') {
      await tid(page, 'split-thread').click()
      await tid(page, 'split-proposal').waitFor()
      await shot(page, 'composer-split-fr.png')
    }
    await page.close()
  }
} finally {
  await context.close().catch(() => {})
  server.close()
  rmSync(profile, { recursive: true, force: true })
}

if (problems.length) {
  console.error(`[screens] problems:\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
say('no page error, console error or CSP violation')
