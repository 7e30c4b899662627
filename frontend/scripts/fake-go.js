// A fake Go backend for screenshots of the built window in Chromium: it
// stands in for window.go.api.{Settings,Calendar,Composer} and
// window.runtime with a demo month of posts. Injected before the app loads
// (scripts/screens.mjs); window.__RUCHE_FAKE__ = { lang, missed, paused }.
;(() => {
  const cfg = window.__RUCHE_FAKE__ || {}
  const ZONE = 'Europe/Paris'
  const lang = cfg.lang || 'fr'
  const pad = (n) => String(n).padStart(2, '0')

  function localNow() {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date())
    const get = (t) => parts.find((p) => p.type === t).value
    return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` }
  }
  function addDays(date, n) {
    const d = new Date(date + 'T00:00:00Z')
    d.setUTCDate(d.getUTCDate() + n)
    return d.toISOString().slice(0, 10)
  }
  const now = localNow()

  const caps = {
    bluesky: { textLimit: 300, counting: 'graphemes', byteLimit: 3000, urlLength: 0, maxMedia: 4, maxMediaBytes: 1000000, mediaTypes: ['image/jpeg', 'image/png'], threads: true, firstComment: false, nativeScheduling: false },
    mastodon: { textLimit: 500, counting: 'graphemes', byteLimit: 0, urlLength: 23, maxMedia: 4, maxMediaBytes: 16000000, mediaTypes: ['image/jpeg', 'image/png'], threads: true, firstComment: false, nativeScheduling: true },
    linkedin: { textLimit: 3000, counting: 'graphemes', byteLimit: 0, urlLength: 0, maxMedia: 20, maxMediaBytes: 8000000, mediaTypes: ['image/jpeg', 'image/png'], threads: false, firstComment: true, nativeScheduling: false },
    instagram: { textLimit: 2200, counting: 'graphemes', byteLimit: 0, urlLength: 0, maxMedia: 10, maxMediaBytes: 8000000, mediaTypes: ['image/jpeg'], threads: false, firstComment: true, nativeScheduling: false },
  }
  const names = { bluesky: 'Bluesky', mastodon: 'Mastodon', linkedin: 'LinkedIn', instagram: 'Instagram' }
  const accounts = [
    ['a-bsky', 'bluesky', '@boulangerie-martin.bsky.social'],
    ['a-masto', 'mastodon', '@martin@piaille.fr'],
    ['a-li', 'linkedin', 'Boulangerie Martin'],
    ['a-ig', 'instagram', '@boulangerie.martin'],
  ].map(([id, network, handle]) => ({
    id, network, networkName: names[network], handle, displayName: 'Boulangerie Martin', status: 'demo', capabilities: caps[network],
  }))

  const texts = {
    Produits: ['La baguette de tradition sort du four à 7 h', 'Nouvelle galette frangipane #epiphanie', 'Pain au levain : 48 h de fermentation', 'Croissants au beurre AOP', 'Le flan pâtissier revient'],
    Coulisses: ['Dans le fournil à 4 h du matin', 'Rencontre avec notre meunier', 'Comment on façonne une fougasse', 'L’équipe du samedi'],
    Événements: ['Marché de Noël place Bellecour', 'Atelier pain en famille samedi', 'Dégustation gratuite vendredi'],
    Conseils: ['Conserver son pain 3 jours', 'Réchauffer un croissant sans le dessécher', 'Quel pain avec quel fromage ?'],
  }
  const pillars = Object.keys(texts)
  const nets = ['bluesky', 'mastodon', 'linkedin', 'instagram']
  const hours = ['07:30', '09:00', '12:15', '17:45', '19:00']

  let n = 0
  const posts = []
  function mk(date, time, pillar, networks, status, title) {
    const id = `p${++n}`
    const variants = networks.map((net) => ({
      accountId: accounts.find((a) => a.network === net).id, network: net, text: title + ' 🥖 #boulangerie', link: '', firstComment: '', thread: [], media: [],
    }))
    const p = {
      id, workspaceId: 'demo', status, scheduledAt: date ? `${date}T${time}:00Z` : '', localDate: date, localTime: time, zone: ZONE,
      title, authorNote: '', pillar, campaigns: [], variants, deliveries: [], revision: 1, networks,
    }
    posts.push(p)
    return p
  }
  // A realistic month: 0 to 3 posts a day around today.
  const start = addDays(now.date, -35)
  for (let i = 0; i < 80; i++) {
    const date = addDays(start, i)
    const k = (i * 7) % 5 === 0 ? 0 : 1 + ((i * 5) % 3)
    for (let j = 0; j < k; j++) {
      const pillar = pillars[(i + j) % pillars.length]
      const list = texts[pillar]
      const title = list[(i * 3 + j) % list.length]
      const time = hours[(i + j * 2) % hours.length]
      const networks = [nets[(i + j) % 4], ...(j % 2 === 0 ? [nets[(i + j + 1) % 4]] : [])]
      const past = `${date} ${time}` < `${now.date} ${now.time}`
      mk(date, time, pillar, networks, past ? 'published' : 'scheduled', title)
    }
  }
  // Some marks: a failed post, a publishing one, a missed one.
  const byDate = (d) => posts.filter((p) => p.localDate === d)
  const y = byDate(addDays(now.date, -1))[0]
  if (y) y.status = 'failed'
  if (cfg.missed) mk(addDays(now.date, -2), '18:00', 'Événements', ['mastodon'], 'missed', 'Annonce du marché de Noël')
  mk('', '', 'Produits', ['bluesky', 'linkedin'], 'draft', 'Idée : la bûche de Noël maison')
  mk('', '', 'Conseils', ['instagram'], 'in_review', 'Bien choisir sa farine')
  mk('', '', 'Coulisses', ['mastodon'], 'approved', 'Portrait de Lucie, apprentie')

  let pause = cfg.paused ? { reason: 'Deuil national : aucune publication promotionnelle', since: new Date(Date.now() - 3600e3).toISOString(), until: '', allSpaces: false } : null
  if (pause) for (const p of posts) if (p.status === 'scheduled') p.status = 'paused'
  let slots = [{ weekday: 1, time: '09:00' }, { weekday: 3, time: '12:15' }, { weekday: 5, time: '17:45' }]

  const ok = (v) => Promise.resolve(JSON.parse(JSON.stringify(v ?? null)))
  const fail = (code, message) => Promise.reject({ code, message })
  const find = (id) => posts.find((p) => p.id === id)

  const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  const enc = new TextEncoder()
  function count(text, c) {
    let t = text
    let extra = 0
    if (c.urlLength) t = t.replace(/https?:\/\/\S+/g, () => ((extra += c.urlLength), ''))
    const used = Array.from(seg.segment(t)).length + extra
    const bytes = enc.encode(text).length
    return { used, limit: c.textLimit, bytes, byteLimit: c.byteLimit, over: used > c.textLimit || (c.byteLimit > 0 && bytes > c.byteLimit) }
  }
  const fr = lang === 'fr'
  function check(input) {
    const counts = {}
    const findings = []
    for (const v of input.variants) {
      const a = accounts.find((x) => x.id === v.accountId)
      if (!a) continue
      const c = count(v.text, a.capabilities)
      counts[a.id] = c
      if (c.over) findings.push({ accountId: a.id, code: 'network.text_too_long', severity: 'error', message: fr ? `Le texte dépasse de ${c.used - c.limit} caractères la limite de ${a.networkName} (${c.used}/${c.limit}).` : `The text is ${c.used - c.limit} characters too long for ${a.networkName} (${c.used}/${c.limit}).` })
      for (const m of v.media) if (!m.alt.trim()) findings.push({ accountId: a.id, code: 'network.alt_missing', severity: 'warning', message: fr ? `${m.path.split('/').pop()} n’a pas de description (texte alternatif) : les personnes qui utilisent un lecteur d’écran la manqueront.` : `${m.path.split('/').pop()} has no description (alt text): people who use a screen reader will miss it.` })
    }
    return { counts, findings, canSave: !findings.some((f) => f.severity === 'error') }
  }

  const ws = { id: 'demo', name: 'Boulangerie Martin', timeZone: ZONE, language: 'fr', color: '#c2410c', logoDataUrl: '', demo: true, current: true, createdAt: '2026-01-05T09:00:00Z', updatedAt: '2026-01-05T09:00:00Z' }

  window.go = {
    api: {
      Settings: {
        Info: () => ok({ version: '0.3.0-dev', dataDir: '/home/camille/.local/share/Ruche', logFile: '/home/camille/.local/share/Ruche/logs/ruche.log', backupDir: '/home/camille/.local/share/Ruche/backups', language: lang, languageSetting: lang, systemLanguage: lang, systemTimeZone: ZONE, offerDemo: false }),
        ListWorkspaces: () => ok([ws]),
        TimeZones: () => ok(['UTC', 'Europe/Paris', 'America/Montreal']),
        SetLanguage: () => ok(null),
      },
      Calendar: {
        Range: (from, to) => {
          const days = []
          for (let d = from; d < to; d = addDays(d, 1)) days.push({ date: d, posts: posts.filter((p) => p.localDate === d).sort((a, b) => a.localTime.localeCompare(b.localTime)) })
          return ok({ zone: ZONE, from, to, days, paused: pause })
        },
        Drafts: () => ok(posts.filter((p) => !p.localDate)),
        MovePost: (id, date, time) => {
          const p = find(id)
          if (`${date} ${time}` <= `${now.date} ${now.time}`) return fail('post.time_past', fr ? 'Cette heure est déjà passée : choisissez-en une plus tardive.' : 'This time is already past: choose a later one.')
          Object.assign(p, { localDate: date, localTime: time, status: pause ? 'paused' : 'scheduled', revision: p.revision + 1 })
          return ok(p)
        },
        UnschedulePost: (id) => ok(Object.assign(find(id), { localDate: '', localTime: '', status: 'draft' })),
        QueueSlots: () => ok(slots),
        SetQueueSlots: (s) => ok((slots = s)),
        AddToQueue: (id) => ok(Object.assign(find(id), { localDate: addDays(now.date, 1), localTime: '09:00', status: 'scheduled' })),
        Pause: (reason, until, allSpaces) => ok((pause = { reason, since: new Date().toISOString(), until, allSpaces })),
        Resume: () => ok((pause = null)),
        PauseState: () => ok(pause),
        PauseLog: () => ok([]),
        ResolveMissed: (id) => ok(Object.assign(find(id), { status: 'publishing' })),
        ExportICS: () => ok('/home/camille/Documents/ruche.ics'),
        ExportCSV: () => ok('/home/camille/Documents/ruche.csv'),
        PreviewImport: () =>
          ok({
            cancelled: false, path: '/home/camille/Documents/planning-decembre.csv', token: 't1', valid: 3, invalid: 3,
            rows: [
              { line: 2, at: `${addDays(now.date, 3)}T08:00:00Z`, text: 'Ouverture exceptionnelle le dimanche 21', link: 'https://boulangerie-martin.fr/horaires', media: '', accounts: ['@boulangerie-martin.bsky.social', '@martin@piaille.fr'], problems: [] },
              { line: 3, at: '', text: 'Bûche pralinée en précommande', link: '', media: '', accounts: ['@boulangerie.martin'], problems: [{ code: 'calendar.csv_date', message: fr ? 'Ligne 3 : « 32/12/2026 9h » n’est pas une date.' : 'Line 3: “32/12/2026 9h” is not a date.' }] },
              { line: 4, at: `${addDays(now.date, 4)}T16:45:00Z`, text: 'Les 13 desserts provençaux', link: '', media: '/home/camille/Images/treize-desserts.jpg', accounts: ['Boulangerie Martin'], problems: [] },
              { line: 5, at: `${addDays(now.date, 5)}T10:00:00Z`, text: 'Concours : gagnez une galette', link: 'htp://concours', media: '/home/camille/Images/galette.png', accounts: ['@inconnu'], problems: [{ code: 'calendar.csv_link_invalid', message: fr ? 'Ligne 5 : « htp://concours » n’est pas un lien web (http:// ou https://).' : 'Line 5: “htp://concours” is not a web link (http:// or https://).' }, { code: 'calendar.csv_media_missing', message: fr ? 'Ligne 5 : le fichier média /home/camille/Images/galette.png n’existe pas.' : 'Line 5: the media file /home/camille/Images/galette.png does not exist.' }, { code: 'calendar.csv_account_unknown', message: fr ? 'Ligne 5 : aucun compte connecté ne s’appelle « @inconnu ».' : 'Line 5: no connected account is named “@inconnu”.' }] },
              { line: 6, at: `${addDays(now.date, 6)}T07:30:00Z`, text: 'Le pain de la semaine : seigle et noix', link: '', media: '', accounts: ['@martin@piaille.fr'], problems: [] },
              { line: 7, at: `${addDays(now.date, 7)}T07:30:00Z`, text: 'x'.repeat(320), link: '', media: '', accounts: ['@boulangerie-martin.bsky.social'], problems: [{ code: 'network.text_too_long', message: fr ? 'Ligne 7 : le texte dépasse de 20 caractères la limite de Bluesky (320/300).' : 'Line 7: the text is 20 characters too long for Bluesky (320/300).' }] },
            ],
          }),
        ConfirmImport: () => ok(3),
      },
      Composer: {
        Accounts: () => ok(accounts),
        Check: (input) => ok(check(input)),
        Get: (id) => (find(id) ? ok(find(id)) : fail('post.not_found', 'Not found')),
        Create: (input, date, time) => ok(mk(date, time, input.pillar, input.variants.map((v) => v.network), date ? 'scheduled' : 'draft', input.variants[0]?.text.slice(0, 60) ?? '')),
        Update: (id, rev, input) => ok(Object.assign(find(id), { variants: input.variants, revision: rev + 1 })),
        Delete: (id) => ok(posts.splice(posts.indexOf(find(id)), 1) && null),
        SetStatus: (id, s) => ok(Object.assign(find(id), { status: s })),
        SplitThread: (_id, text) => {
          const words = text.split(/\s+/)
          const parts = ['']
          for (const w of words) {
            if ((parts[parts.length - 1] + ' ' + w).length > 280) parts.push(w)
            else parts[parts.length - 1] = (parts[parts.length - 1] + ' ' + w).trim()
          }
          return ok(parts)
        },
        AddMedia: (_id, paths) => ok(paths.map((path) => ({ path, alt: '', mime: 'image/jpeg', size: 840000, width: 1600, height: 1200 }))),
        ChooseMedia: () => ok([{ path: '/home/camille/Images/fournil-4h.jpg', alt: '', mime: 'image/jpeg', size: 920000, width: 1600, height: 1067 }]),
      },
    },
  }
  window.runtime = {
    Quit() {},
    ClipboardSetText: () => Promise.resolve(true),
    OnFileDrop() {},
    OnFileDropOff() {},
  }
  window.__RUCHE_FAKE_POSTS__ = posts
})()
