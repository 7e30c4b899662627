import { afterEach, describe, expect, it } from 'vitest'
import {
  addChips,
  ago,
  asPreset,
  checkPeriod,
  daysBetween,
  formatCount,
  formatDay,
  formatPeriod,
  formatRate,
  instant,
  isDay,
  loadAgency,
  localiseOption,
  lowerIsBetter,
  presetOf,
  presetPeriod,
  progressPercent,
  saveAgency,
  shiftDays,
  trendOf,
  withoutTitle,
  formatEuros,
  formatFigure,
  formatLocalDay,
  formatMinutes,
  formatMonth,
  formatTarget,
  networkOptions,
  parseDecimal,
  sortFigures,
  subjectOf,
  toCents,
  AGENCY_KEY,
  PRESETS,
} from './analytics'

const NNBSP = '\u202f'

describe('days', () => {
  it('knows real days only', () => {
    expect(isDay('2025-11-24')).toBe(true)
    expect(isDay('2024-02-29')).toBe(true)
    expect(isDay('2025-02-29')).toBe(false)
    expect(isDay('2025-13-01')).toBe(false)
    expect(isDay('24/11/2025')).toBe(false)
    expect(isDay('')).toBe(false)
    expect(isDay(undefined)).toBe(false)
  })

  it('moves by days across months, years and leap days', () => {
    expect(shiftDays('2025-11-24', -29)).toBe('2025-10-26')
    expect(shiftDays('2025-01-01', -1)).toBe('2024-12-31')
    expect(shiftDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(shiftDays('2025-03-30', 1)).toBe('2025-03-31') // a DST Sunday in Europe: days are days
    expect(shiftDays('nope', 1)).toBe('')
  })

  it('counts the days of a period, both ends included', () => {
    expect(daysBetween('2025-10-01', '2025-10-31')).toBe(31)
    expect(daysBetween('2025-11-24', '2025-11-24')).toBe(1)
    expect(daysBetween('2025-11-25', '2025-11-24')).toBe(0)
    expect(daysBetween('x', '2025-11-24')).toBe(0)
  })
})

describe('period presets', () => {
  const today = '2025-11-24'

  it('counts each preset from the workspace’s today', () => {
    expect(presetPeriod('this_month', today)).toEqual({ from: '2025-11-01', to: '2025-11-24' })
    expect(presetPeriod('last_month', today)).toEqual({ from: '2025-10-01', to: '2025-10-31' })
    expect(presetPeriod('last_7', today)).toEqual({ from: '2025-11-18', to: '2025-11-24' })
    expect(presetPeriod('last_30', today)).toEqual({ from: '2025-10-26', to: '2025-11-24' })
    expect(presetPeriod('last_90', today)).toEqual({ from: '2025-08-27', to: '2025-11-24' })
    expect(presetPeriod('custom', today)).toBeNull()
  })

  it('takes last month across a new year and a short February', () => {
    expect(presetPeriod('last_month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' })
    expect(presetPeriod('last_month', '2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(presetPeriod('this_month', '2024-03-01')).toEqual({ from: '2024-03-01', to: '2024-03-01' })
  })

  it('gives nothing without a valid today', () => {
    expect(presetPeriod('last_7', '')).toBeNull()
    expect(presetPeriod('last_7', '2025-02-30')).toBeNull()
  })

  it('recognises a preset from its days, else custom', () => {
    expect(presetOf({ from: '2025-10-01', to: '2025-10-31' }, today)).toBe('last_month')
    expect(presetOf({ from: '2025-11-18', to: '2025-11-24' }, today)).toBe('last_7')
    expect(presetOf({ from: '2025-11-02', to: '2025-11-24' }, today)).toBe('custom')
  })

  it('reads a stored preset safely', () => {
    expect(asPreset('last_90')).toBe('last_90')
    expect(asPreset('yesterday')).toBe('last_30')
    expect(PRESETS).toContain('custom')
  })

  it('refuses the periods the backend refuses', () => {
    expect(checkPeriod({ from: '2025-10-01', to: '2025-10-31' })).toBe('')
    expect(checkPeriod({ from: '2025-10-01', to: '' })).toBe('invalid')
    expect(checkPeriod({ from: '2025-10-31', to: '2025-10-01' })).toBe('reversed')
    expect(checkPeriod({ from: '2024-01-01', to: '2024-12-31' })).toBe('') // 366 days
    expect(checkPeriod({ from: '2024-01-01', to: '2025-01-01' })).toBe('tooLong')
  })

  it('writes a period as each language does', () => {
    expect(formatPeriod({ from: '2025-10-01', to: '2025-10-31' }, 'fr', 2025)).toBe('1–31 oct.')
    expect(formatPeriod({ from: '2025-10-01', to: '2025-10-31' }, 'en', 2025)).toMatch(/^Oct 1\s?–\s?31$/)
    expect(formatPeriod({ from: '2025-10-26', to: '2025-11-24' }, 'fr', 2025)).toMatch(/^26 oct\.\s–\s24 nov\.$/)
    // another year, or across two: the year is written
    expect(formatPeriod({ from: '2024-10-01', to: '2024-10-31' }, 'fr', 2025)).toContain('2024')
    expect(formatPeriod({ from: '2024-12-15', to: '2025-01-14' }, 'en', 2025)).toMatch(/2024.*2025/)
    expect(formatPeriod({ from: '', to: '2025-01-14' }, 'en')).toBe('')
  })
})

describe('freshness', () => {
  const now = new Date('2025-11-24T10:00:00Z')

  it('says how long ago in each language', () => {
    expect(ago('2025-11-24T09:55:00Z', now, 'en')).toBe('5 min. ago')
    // ICU puts a no-break space between the number and its unit
    expect(ago('2025-11-24T09:55:00Z', now, 'fr')).toMatch(/^il y a 5\s+min$/)
    expect(ago('2025-11-24T07:00:00Z', now, 'fr')).toMatch(/^il y a 3\s+h$/)
    expect(ago('2025-11-23T09:00:00Z', now, 'en')).toBe('yesterday')
    expect(ago('2025-11-23T09:00:00Z', now, 'fr')).toBe('hier')
    expect(ago('2025-11-14T10:00:00Z', now, 'en')).toBe('10 days ago')
    expect(ago('2025-09-24T10:00:00Z', now, 'en')).toBe('2 mo. ago')
  })

  it('says now for a reading of a few seconds ago or a clock a little ahead', () => {
    expect(ago('2025-11-24T09:59:50Z', now, 'en')).toBe('now')
    expect(ago('2025-11-24T10:00:30Z', now, 'fr')).toBe('maintenant')
  })

  it('knows the figures were never read when the time is zero or missing', () => {
    expect(ago('0001-01-01T00:00:00Z', now, 'en')).toBeNull()
    expect(ago('', now, 'en')).toBeNull()
    expect(ago(undefined, now, 'en')).toBeNull()
    expect(ago('garbage', now, 'fr')).toBeNull()
    expect(instant('0001-01-01T00:00:00Z')).toBeNull()
  })

  it('writes a publication day in the workspace’s zone', () => {
    // 23:30 UTC is already the next day in Paris
    expect(formatDay('2025-11-20T23:30:00Z', 'fr', 'Europe/Paris')).toBe('21 nov. 2025')
    expect(formatDay('2025-11-20T23:30:00Z', 'en', 'America/Montreal')).toBe('Nov 20, 2025')
    expect(formatDay('2025-11-20T23:30:00Z', 'en', 'Not/AZone')).not.toBe('')
    expect(formatDay('', 'en')).toBe('')
  })
})

describe('trends', () => {
  it('colours a rise as good and a fall as bad', () => {
    expect(trendOf({ key: 'followers', trend: 'up' })).toEqual({ direction: 'up', arrow: '▲', tone: 'good' })
    expect(trendOf({ key: 'engagement_rate', trend: 'down' })).toEqual({ direction: 'down', arrow: '▼', tone: 'bad' })
  })

  it('colours a lower response time as good', () => {
    expect(lowerIsBetter('response_time')).toBe(true)
    expect(lowerIsBetter('first_response_time')).toBe(true)
    expect(lowerIsBetter('replies')).toBe(false)
    expect(trendOf({ key: 'response_time', trend: 'down' }).tone).toBe('good')
    expect(trendOf({ key: 'first_response_time', trend: 'up' }).tone).toBe('bad')
  })

  it('follows the backend when it says lower is better', () => {
    // first_response matches no key of the fallback: the flag alone says it
    expect(lowerIsBetter('first_response')).toBe(false)
    expect(trendOf({ key: 'first_response', trend: 'down', lowerIsBetter: true })).toEqual({ direction: 'down', arrow: '▼', tone: 'good' })
    expect(trendOf({ key: 'first_response', trend: 'up', lowerIsBetter: true }).tone).toBe('bad')
    expect(trendOf({ key: 'first_response', trend: 'flat', lowerIsBetter: true }).tone).toBe('neutral')
    expect(trendOf({ key: 'first_response', trend: 'down' }).tone).toBe('bad')
    // without the flag, the keys still decide
    expect(trendOf({ key: 'response_time', trend: 'down', lowerIsBetter: false }).tone).toBe('good')
    expect(trendOf({ key: 'ad_spend', trend: 'down', lowerIsBetter: true }).tone).toBe('neutral')
  })

  it('leaves flat, unknown and neutral KPIs uncoloured', () => {
    expect(trendOf({ key: 'followers', trend: 'flat' })).toEqual({ direction: 'flat', arrow: '▬', tone: 'neutral' })
    expect(trendOf({ key: 'followers' })).toEqual({ direction: '', arrow: '', tone: 'neutral' })
    expect(trendOf({ key: 'followers', trend: 'sideways' }).direction).toBe('')
    expect(trendOf({ key: 'ad_spend', trend: 'up' }).tone).toBe('neutral')
  })
})

describe('numbers', () => {
  it('writes rates and counts in each language', () => {
    expect(formatRate(4.25, 'fr')).toBe(`4,3${NNBSP}%`)
    expect(formatRate(4.2, 'en')).toBe('4.2%')
    expect(formatRate(12, 'en')).toBe('12.0%')
    expect(formatRate(1234.56, 'fr')).toBe(`1${NNBSP}234,6${NNBSP}%`)
    expect(formatRate(Number.NaN, 'en')).toBe('–')
    expect(formatCount(1234, 'fr')).toBe(`1${NNBSP}234`)
    expect(formatCount(1234, 'en')).toBe('1,234')
    expect(formatCount(undefined, 'en')).toBe('–')
  })

  it('gives the progress of the report in percent', () => {
    expect(progressPercent(3, 8)).toBe(38)
    expect(progressPercent(8, 8)).toBe(100)
    expect(progressPercent(9, 8)).toBe(100)
    expect(progressPercent(0, 0)).toBe(0)
    expect(progressPercent(2, 0)).toBe(0)
  })
})

describe('chart options', () => {
  const option = {
    title: { text: 'Followers', left: 'center' },
    xAxis: { type: 'category', data: ['a'] },
    yAxis: [{ type: 'value', min: 0 }, { type: 'value', axisLabel: { formatter: '{value} %' } }],
    series: [{ type: 'line', data: [1234] }],
  }

  it('writes the value axes’ ticks in the language, without touching the option given', () => {
    const before = JSON.stringify(option)
    type Axis = { type: string; axisLabel?: { formatter?: unknown } }
    const out = localiseOption(option, 'fr') as { xAxis: unknown; yAxis: Axis[]; series: unknown }
    expect(JSON.stringify(option)).toBe(before)
    const f = out.yAxis[0].axisLabel?.formatter as (v: number) => string
    expect(f(1234.5)).toBe(`1${NNBSP}234,5`)
    expect(out.yAxis[1].axisLabel?.formatter).toBe('{value} %') // its own kept
    expect(out.xAxis).toBe(option.xAxis) // a category axis is left alone
    expect(out.series).toBe(option.series)
    expect(((localiseOption({ yAxis: { type: 'value' } }, 'en') as { yAxis: { axisLabel: { formatter: (v: number) => string } } }).yAxis.axisLabel.formatter)(1234)).toBe('1,234')
  })

  it('leaves what is not an option as it is', () => {
    expect(localiseOption(null, 'fr')).toBeNull()
    expect(localiseOption('{}', 'fr')).toBe('{}')
    expect(localiseOption([1, 2], 'fr')).toEqual([1, 2])
  })

  it('hides the title the card already shows', () => {
    expect(withoutTitle(option)).toMatchObject({ title: { text: 'Followers', show: false }, series: option.series })
    expect(option.title).not.toHaveProperty('show')
    expect(withoutTitle({ title: [{ text: 'a' }] })).toEqual({ title: [{ text: 'a', show: false }] })
    expect(withoutTitle({ series: [] })).toEqual({ series: [] })
  })
})

describe('filters and report options', () => {
  afterEach(() => localStorage.clear())

  it('adds chips once, trimmed, several at a time', () => {
    expect(addChips([], ' Produits ')).toEqual(['Produits'])
    expect(addChips(['Produits'], 'produits, Coulisses,,  Noël  2025 ')).toEqual(['Produits', 'Coulisses', 'Noël 2025'])
    expect(addChips(['A'], '   ')).toEqual(['A'])
  })

  it('remembers the agency’s name', () => {
    expect(loadAgency()).toBe('')
    saveAgency('  Agence Miel  ')
    expect(localStorage.getItem(AGENCY_KEY)).toBe('Agence Miel')
    expect(loadAgency()).toBe('Agence Miel')
    saveAgency(' ')
    expect(localStorage.getItem(AGENCY_KEY)).toBeNull()
  })
})

describe('typed figures', () => {
  it('reads numbers typed in French or English', () => {
    expect(parseDecimal('12,50')).toBe(12.5)
    expect(parseDecimal('12.5')).toBe(12.5)
    expect(parseDecimal(' 1 234,5 ')).toBe(1234.5)
    expect(parseDecimal(`1${NNBSP}234,5`)).toBe(1234.5)
    expect(parseDecimal('1\u00a0234')).toBe(1234)
    expect(parseDecimal('1,234.50')).toBe(1234.5)
    expect(parseDecimal('1.234,50')).toBe(1234.5)
    expect(parseDecimal('1,234')).toBe(1234)
    expect(parseDecimal('1.234.567')).toBe(1234567)
    expect(parseDecimal('0,500')).toBe(0.5)
    expect(parseDecimal('12,50 €')).toBe(12.5)
    expect(parseDecimal('0')).toBe(0)
  })

  it('refuses what is not a number', () => {
    for (const bad of ['', ' ', 'abc', '-5', '12,', '1,2,3', '1,23,456', '12,5,0.1', '1e5', '€']) {
      expect(parseDecimal(bad), bad).toBeNull()
    }
  })

  it('turns euros into cents', () => {
    expect(toCents('12,50')).toBe(1250)
    expect(toCents('0.1')).toBe(10)
    expect(toCents('19,99')).toBe(1999)
    expect(toCents('1 200')).toBe(120000)
    expect(toCents('douze')).toBeNull()
  })

  it('writes figures in their unit', () => {
    expect(formatEuros(1250, 'fr')).toMatch(/^12,50\s€$/u)
    expect(formatEuros(1250, 'en')).toBe('€12.50')
    expect(formatFigure('ad_spend', 123456, 'en')).toBe('€1,234.56')
    expect(formatFigure('website_sessions', 1234, 'fr')).toBe(`1${NNBSP}234`)
  })

  it('knows the subject of each kind', () => {
    expect(subjectOf('followers')).toBe('network')
    expect(subjectOf('website_users')).toBe('source')
    expect(subjectOf('website_sessions')).toBe('source')
    expect(subjectOf('ad_spend')).toBe('none')
  })

  it('offers the known networks and the workspace’s others once', () => {
    const list = networkOptions(['bluesky', 'Testnet', ''])
    expect(list[0]).toBe('bluesky')
    expect(list.filter((n) => n === 'bluesky')).toHaveLength(1)
    expect(list).toContain('instagram')
    expect(list[list.length - 1]).toBe('testnet')
  })

  it('orders figures newest first, then by kind and subject', () => {
    const list = [
      { day: '2025-11-01', kind: 'ad_spend', subject: '' },
      { day: '2025-11-02', kind: 'website_users', subject: 'b' },
      { day: '2025-11-02', kind: 'website_users', subject: 'a' },
      { day: '2025-11-02', kind: 'followers', subject: 'x' },
    ]
    expect(sortFigures(list).map((f) => `${f.day} ${f.kind} ${f.subject}`)).toEqual([
      '2025-11-02 followers x',
      '2025-11-02 website_users a',
      '2025-11-02 website_users b',
      '2025-11-01 ad_spend ',
    ])
  })
})

describe('objectives and months', () => {
  it('writes a response time', () => {
    expect(formatMinutes(45, 'en')).toBe('45\u00a0min')
    expect(formatMinutes(120, 'fr')).toBe('2\u00a0h')
    expect(formatMinutes(90, 'en')).toBe('1\u00a0h 30\u00a0min')
    // as the backend's FormatMinutes: two-digit minutes, French without "min"
    expect(formatMinutes(65, 'fr')).toBe('1\u00a0h\u00a005')
    expect(formatMinutes(125, 'en')).toBe('2\u00a0h 05\u00a0min')
    expect(formatMinutes(59.6, 'fr')).toBe('1\u00a0h')
    expect(formatMinutes(0, 'fr')).toBe('<\u00a01\u00a0min')
    expect(formatMinutes(0.4, 'en')).toBe('<\u00a01\u00a0min')
    expect(formatMinutes(1440, 'fr')).toBe('1\u00a0j')
    expect(formatMinutes(1500, 'en')).toBe('1\u00a0d 1\u00a0h')
    expect(formatMinutes(1680, 'fr')).toBe('1\u00a0j 4\u00a0h')
    expect(formatMinutes(3 * 1440 + 29, 'en')).toBe('3\u00a0d')
    expect(formatMinutes(-1, 'en')).toBe('–')
  })

  it('writes a target in its unit', () => {
    expect(formatTarget('follower_growth', 500, 'en')).toBe('+500')
    expect(formatTarget('engagement_rate', 4, 'fr')).toBe(`4,0${NNBSP}%`)
    expect(formatTarget('posts_per_week', 3, 'en')).toBe('3')
    expect(formatTarget('response_time', 120, 'en')).toBe('2\u00a0h')
  })

  it('writes days and months', () => {
    expect(formatLocalDay('2025-11-24', 'en')).toBe('Nov 24, 2025')
    expect(formatLocalDay('nope', 'en')).toBe('nope')
    expect(formatMonth('2025-10', 'fr')).toBe('octobre 2025')
    expect(formatMonth('2025-10', 'en')).toBe('October 2025')
    expect(formatMonth('', 'en')).toBe('')
    expect(formatMonth('2025-13', 'en')).toBe('')
  })
})
