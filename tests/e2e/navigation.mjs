// The window never leaves the app (frontend/src/navigation.ts), checked in
// real Chromium with trusted input: links like the ones hostile content
// makes (injected here, as a post or a profile would show them) clicked with
// the mouse, plain, target=_blank and middle-clicked; a file: link;
// window.open; location.href; a link and a file dragged in from outside the
// page (CDP Input.dispatchDragEvent). Each time the page must still be the
// app's and no other page may open. The Wails runtime's BrowserOpenURL is
// replaced by a recorder first: the http(s) links must reach it, nothing
// else, and no browser is started.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OUT = 'https://ruche-e2e.invalid/post/1?ref=a(b)'; // .invalid: never resolves
const OPENED = 'https://ruche-e2e.invalid/post/1?ref=a%28b%29'; // as openExternal hands it to Wails

export async function windowStays(page, context, say) {
  const app = page.url();
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const dir = mkdtempSync(join(tmpdir(), 'ruche-drop-'));
  const file = join(dir, 'dropped.html');
  writeFileSync(file, '<h1>dropped</h1>');
  const cdp = await context.newCDPSession(page);
  try {
    await page.evaluate(() => {
      window.__e2e = { opened: [], drags: [], open: window.runtime?.BrowserOpenURL };
      window.runtime = window.runtime || {};
      window.runtime.BrowserOpenURL = (url) => window.__e2e.opened.push(url);
      // bubble phase on the window: after the guard and the app's handlers
      for (const type of ['dragover', 'drop']) {
        window.addEventListener(type, (e) => window.__e2e.drags.push(`${e.type}:${e.defaultPrevented}:${e.dataTransfer?.dropEffect}`));
      }
    });
    const opened = () => page.evaluate(() => window.__e2e.opened.slice());
    const stays = async (what, wantOpened) => {
      await sleep(400);
      const pages = context.pages().length;
      if (page.url() !== app) throw new Error(`${what}: the window went to ${page.url()} (was ${app})`);
      if (pages !== 1) throw new Error(`${what}: ${pages} pages are open, a link opened a new window`);
      const got = await opened();
      if (JSON.stringify(got) !== JSON.stringify(wantOpened)) {
        throw new Error(`${what}: BrowserOpenURL got ${JSON.stringify(got)}, expected ${JSON.stringify(wantOpened)}`);
      }
      say(`window stays: ${what}`);
    };
    const link = (href, target = '') =>
      page.evaluate(
        ([href, target]) => {
          document.getElementById('e2e-link')?.remove();
          const a = document.createElement('a');
          a.id = 'e2e-link';
          a.href = href;
          if (target) a.target = target;
          a.textContent = 'a link from a post';
          a.style.cssText = 'position:fixed;left:40%;top:8px;z-index:2147483647;padding:8px;background:#ff0';
          document.body.appendChild(a);
        },
        [href, target],
      );
    const want = [];

    await link(OUT);
    await page.click('#e2e-link');
    want.push(OPENED);
    await stays('a click on an https link opens it in the browser', want);

    await link(OUT, '_blank');
    await page.click('#e2e-link');
    want.push(OPENED);
    await stays('a target=_blank link', want);

    await link(OUT);
    await page.click('#e2e-link', { button: 'middle' });
    want.push(OPENED);
    await stays('a middle click', want);

    await link(`file://${file}`);
    await page.click('#e2e-link');
    await stays('a file: link is refused', want);

    await page.evaluate((url) => window.open(url, '_blank'), OUT);
    want.push(OPENED);
    await stays('window.open', want);

    await page.evaluate(() => document.getElementById('e2e-link')?.remove());
    await page.evaluate((url) => setTimeout(() => (location.href = url), 0), OUT);
    await stays('location.href = an https URL is cancelled', want);

    // Dragged in from another application: a link, then a file.
    const drops = [
      ['a dropped link (text/uri-list)', { items: [{ mimeType: 'text/uri-list', data: OUT }, { mimeType: 'text/plain', data: OUT }] }],
      ['a dropped file', { items: [], files: [file] }],
    ];
    const box = page.viewportSize();
    for (const [what, data] of drops) {
      await page.evaluate(() => (window.__e2e.drags = []));
      const at = { x: Math.round(box.width / 2), y: Math.round(box.height / 2), data: { ...data, dragOperationsMask: 1 | 2 | 16 } };
      for (const type of ['dragEnter', 'dragOver', 'drop']) await cdp.send('Input.dispatchDragEvent', { type, ...at });
      const drags = await page.evaluate(() => window.__e2e.drags.slice());
      // Refused: dragover cancelled with dropEffect none, so the drop has no
      // default (Chromium's headless shell never navigates on a drop; the
      // desktop webviews open the link or the file when dragover is not cancelled).
      if (!drags.length || drags.some((d) => d !== 'dragover:true:none')) {
        throw new Error(`${what}: the page saw ${JSON.stringify(drags)}, expected only dragover:true:none`);
      }
      await stays(`${what} is refused (${drags.length} dragover)`, want);
    }
  } finally {
    await cdp.detach().catch(() => {});
    await page
      .evaluate(() => {
        document.getElementById('e2e-link')?.remove();
        if (window.__e2e?.open) window.runtime.BrowserOpenURL = window.__e2e.open;
      })
      .catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}
