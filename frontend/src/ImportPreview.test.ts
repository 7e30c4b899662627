// The one preview every import shows (ImportPreview), as the post import
// and the Google Analytics import use it.
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportPreview as PostsPreview } from './api/calendar'
import type { FiguresImportPreview } from './api/analytics'
import ImportPreview from './components/ImportPreview.vue'
import ImportDialog from './components/calendar/ImportDialog.vue'
import FiguresImportDialog from './components/analytics/FiguresImportDialog.vue'
import { makeI18n } from './i18n'
import type { UiLanguage } from './lib/language'

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

const problem = (line: number, code: string, message: string) => ({ code, message: message.replace('{line}', String(line)) })

function posts(over: Partial<PostsPreview> = {}): PostsPreview {
  return {
    cancelled: false,
    path: '/home/camille/posts.csv',
    token: 'tok-1',
    valid: 2,
    invalid: 1,
    rows: [
      { line: 2, at: '2030-01-02T08:00:00Z', text: 'Galette des rois', link: 'https://fournil.example', media: '/home/camille/galette.png', accounts: ['@martin.bluesky', '@fournil@piaille.fr'], problems: [] },
      {
        line: 3,
        at: '',
        text: 'Mauvaise date',
        link: '',
        media: '',
        accounts: ['@inconnu'],
        problems: [problem(3, 'calendar.csv_date_invalid', 'Line {line}: “32/13” is not a date and time.'), problem(3, 'calendar.csv_account_unknown', '')],
      },
      { line: 5, at: '2030-01-03T08:00:00Z', text: 'Pain au levain', link: '', media: '', accounts: ['@martin.bluesky'], problems: [] },
    ],
    ...over,
  }
}

function figures(over: Partial<FiguresImportPreview> = {}): FiguresImportPreview {
  return {
    cancelled: false,
    path: '/home/camille/ga.csv',
    token: 'ga-1',
    valid: 1,
    rows: [
      { line: 7, day: '2025-11-01', sessions: 1234.5, users: 90, source: 'google / organic', problems: [] },
      { line: 8, day: '', sessions: 12, users: undefined, source: '', problems: [problem(8, 'analytics.csv_date_invalid', 'Line {line}: “hier” is not a date.')] },
    ],
    ...over,
  }
}

function mountPosts(preview: PostsPreview, lang: UiLanguage = 'en', busy = false) {
  wrapper = mount(ImportDialog, {
    props: { preview, zone: 'Europe/Paris', lang, busy },
    global: { plugins: [createPinia(), makeI18n(lang)] },
    attachTo: document.body,
  })
  return wrapper
}

function mountFigures(preview: FiguresImportPreview, lang: UiLanguage = 'en', busy = false) {
  wrapper = mount(FiguresImportDialog, {
    props: { preview, lang, busy },
    global: { plugins: [createPinia(), makeI18n(lang)] },
    attachTo: document.body,
  })
  return wrapper
}

const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
const all = (w: VueWrapper, id: string) => w.findAll(`[data-testid="${id}"]`)
const headers = (w: VueWrapper) => w.findAll('th').map((th) => th.text())

describe('the import preview', () => {
  it('is the one both imports show', () => {
    expect(mountPosts(posts()).findComponent(ImportPreview).exists()).toBe(true)
    wrapper?.unmount()
    expect(mountFigures(figures()).findComponent(ImportPreview).exists()).toBe(true)
  })

  it('lists the posts with their problems, the line first and the problems last', () => {
    const w = mountPosts(posts())
    expect(byId(w, 'import-dialog').exists()).toBe(true)
    expect(byId(w, 'import-path').text()).toBe('/home/camille/posts.csv')
    expect(byId(w, 'import-valid').text()).toBe('Rows ready to import: 2')
    expect(byId(w, 'import-invalid').text()).toBe('Rows with problems: 1')
    expect(byId(w, 'import-invalid').classes()).toContain('error-text')
    expect(headers(w)).toEqual(['Line', 'Date and time (Europe / Paris)', 'Text', 'Accounts', 'Problems'])
    const rows = all(w, 'import-row')
    expect(rows.map((r) => [r.attributes('data-line'), r.attributes('data-ok')])).toEqual([
      ['2', 'true'],
      ['3', 'false'],
      ['5', 'true'],
    ])
    const cells = rows[0].findAll('td').map((td) => td.text())
    expect(cells[0]).toBe('2')
    expect(cells[2]).toContain('Galette des rois')
    expect(cells[2]).toContain('galette.png')
    expect(cells[3]).toBe('@martin.bluesky, @fournil@piaille.fr')
    expect(cells[4]).toBe('Ready')
    expect(rows[1].classes()).toContain('bad')
    expect(rows[1].findAll('td')[1].text()).toBe('—')
    const problems = rows[1].findAll('li')
    expect(problems.map((li) => li.attributes('data-code'))).toEqual(['calendar.csv_date_invalid', 'calendar.csv_account_unknown'])
    expect(problems[0].text()).toBe('Line 3: “32/13” is not a date and time.')
    expect(problems[1].text()).toBe('Something unexpected went wrong.') // a problem without a message
    expect(byId(w, 'import-confirm').text()).toBe('Import the valid rows (2)')
  })

  it('lists the Google Analytics rows with their own columns', () => {
    const w = mountFigures(figures())
    expect(byId(w, 'figure-import-path').text()).toBe('/home/camille/ga.csv')
    expect(byId(w, 'figure-import-valid').text()).toBe('Rows ready to import: 1')
    expect(byId(w, 'figure-import-invalid').text()).toBe('Rows with problems: 1')
    expect(headers(w)).toEqual(['Line', 'Day', 'Sessions', 'Users', 'Source / medium', 'Problems'])
    const rows = all(w, 'figure-import-row')
    expect(rows.map((r) => r.attributes('data-ok'))).toEqual(['true', 'false'])
    expect(rows[0].findAll('td').map((td) => td.text())).toEqual(['7', 'Nov 1, 2025', '1,234.5', '90', 'google / organic', 'Ready'])
    expect(rows[1].findAll('td').map((td) => td.text())).toEqual(['8', '—', '12', '—', 'Whole site', 'Line 8: “hier” is not a date.'])
    expect(byId(w, 'figure-import-confirm').text()).toBe('Import the 1 valid rows')
  })

  it('speaks French', () => {
    const w = mountFigures(figures(), 'fr')
    expect(byId(w, 'figure-import-valid').text()).toBe('Lignes prêtes à importer\u00a0: 1')
    expect(headers(w)[0]).toBe('Ligne')
    expect(all(w, 'figure-import-row')[0].findAll('td')[1].text()).toBe('1 nov. 2025')
    expect(byId(w, 'figure-import-valid-only').element.parentElement?.textContent?.trim()).toBe(
      'Importer seulement les lignes valides (1) et laisser les autres de côté',
    )
  })

  for (const [name, mountIt, prefix] of [
    ['posts', () => mountPosts(posts()), 'import'],
    ['figures', () => mountFigures(figures()), 'figure-import'],
  ] as const) {
    it(`${name}: imports only the valid rows, unless the user wants all or nothing`, async () => {
      const w = mountIt()
      const box = byId(w, `${prefix}-valid-only`)
      expect((box.element as HTMLInputElement).checked).toBe(true)
      expect(byId(w, `${prefix}-confirm`).attributes('disabled')).toBeUndefined()
      expect(byId(w, `${prefix}-blocked`).exists()).toBe(false)
      expect(w.text()).toContain('Nothing has been saved yet.')

      await box.setValue(false)
      expect(byId(w, `${prefix}-confirm`).attributes('disabled')).toBeDefined()
      expect(byId(w, `${prefix}-blocked`).text()).toContain('Nothing will be imported while some rows have problems')
      await byId(w, `${prefix}-confirm`).trigger('click')
      expect(w.emitted('confirm')).toBeUndefined()

      await box.setValue(true)
      await byId(w, `${prefix}-confirm`).trigger('click')
      expect(w.emitted('confirm')).toHaveLength(1)
      await byId(w, `${prefix}-cancel`).trigger('click')
      expect(w.emitted('close')).toHaveLength(1)
    })
  }

  it('offers no choice when every row is valid, or none is', async () => {
    const good = posts()
    good.rows = good.rows.filter((r) => r.problems.length === 0)
    let w = mountPosts(good)
    expect(byId(w, 'import-valid-only').exists()).toBe(false)
    expect(byId(w, 'import-invalid').classes()).not.toContain('error-text')
    expect(byId(w, 'import-confirm').attributes('disabled')).toBeUndefined()
    w.unmount()

    const bad = figures()
    bad.rows = bad.rows.slice(1)
    bad.valid = 0
    w = mountFigures(bad)
    expect(byId(w, 'figure-import-valid-only').exists()).toBe(false)
    expect(byId(w, 'figure-import-confirm').attributes('disabled')).toBeDefined()
  })

  it('waits while busy', () => {
    const w = mountFigures(figures(), 'en', true)
    const confirm = byId(w, 'figure-import-confirm')
    expect(confirm.attributes('disabled')).toBeDefined()
    expect(confirm.attributes('aria-busy')).toBe('true')
  })
})
