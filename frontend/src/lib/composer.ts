// The composer's model: one master text, and a variant per target account
// that follows the master until the user adapts it. Pure functions over
// plain objects (the view keeps the draft in a reactive()).
import type { Account, Check, Count, Finding, Media, Post, PostInput, Variant } from '../api/posts'
import { measure, ruleFor } from './count'

export interface MasterDraft {
  text: string
  link: string
  media: Media[]
}

export interface VariantDraft {
  accountId: string
  network: string
  // linked: text, link and media follow the master.
  linked: boolean
  text: string
  link: string
  media: Media[]
  firstComment: string
  thread: string[]
  // Mastodon: a content warning, who sees the post, its language.
  contentWarning: string
  visibility: string
  language: string
}

export interface Draft {
  master: MasterDraft
  selected: string[] // account IDs, in the order of the account list
  variants: Record<string, VariantDraft>
  authorNote: string
  pillar: string
  campaigns: string // as typed: "Noël, Soldes"
}

export function emptyDraft(): Draft {
  return { master: { text: '', link: '', media: [] }, selected: [], variants: {}, authorNote: '', pillar: '', campaigns: '' }
}

const copyMedia = (m: readonly Media[]): Media[] => m.map((x) => ({ ...x }))

function sameMedia(a: readonly Media[], b: readonly Media[]): boolean {
  return a.length === b.length && a.every((m, i) => m.path === b[i].path && m.alt === b[i].alt)
}

// draftFromPost rebuilds a draft from a saved post: the first variant is the
// master; a variant equal to it in text, link and media stays linked.
export function draftFromPost(post: Post, accounts: readonly Account[]): Draft {
  const vs = post.variants ?? []
  const first = vs[0]
  const master: MasterDraft = first
    ? { text: first.text ?? '', link: first.link ?? '', media: copyMedia(first.media ?? []) }
    : { text: '', link: '', media: [] }
  const variants: Record<string, VariantDraft> = {}
  for (const v of vs) {
    const media = v.media ?? []
    const linked = (v.text ?? '') === master.text && (v.link ?? '') === master.link && sameMedia(media, master.media)
    variants[v.accountId] = {
      accountId: v.accountId,
      network: v.network,
      linked,
      text: v.text ?? '',
      link: v.link ?? '',
      media: copyMedia(media),
      firstComment: v.firstComment ?? '',
      thread: [...(v.thread ?? [])],
      contentWarning: v.contentWarning ?? '',
      visibility: v.visibility ?? '',
      language: v.language ?? '',
    }
  }
  const order = accounts.map((a) => a.id)
  const selected = vs.map((v) => v.accountId).sort((a, b) => rank(order, a) - rank(order, b))
  return {
    master,
    selected,
    variants,
    authorNote: post.authorNote ?? '',
    pillar: post.pillar ?? '',
    campaigns: (post.campaigns ?? []).join(', '),
  }
}

function rank(order: readonly string[], id: string): number {
  const i = order.indexOf(id)
  return i < 0 ? order.length : i
}

// setTarget selects or deselects an account. A new variant follows the
// master; a deselected one is kept aside, so ticking it again restores it.
export function setTarget(d: Draft, account: Account, on: boolean, accounts: readonly Account[]): void {
  const has = d.selected.includes(account.id)
  if (on && !has) {
    d.variants[account.id] ??= {
      accountId: account.id,
      network: account.network,
      linked: true,
      text: '',
      link: '',
      media: [],
      firstComment: '',
      thread: [],
      contentWarning: '',
      visibility: '',
      language: '',
    }
    const order = accounts.map((a) => a.id)
    d.selected = [...d.selected, account.id].sort((a, b) => rank(order, a) - rank(order, b))
  } else if (!on && has) {
    d.selected = d.selected.filter((id) => id !== account.id)
  }
}

// effective is what a variant says once the master is applied.
export function effective(d: Draft, id: string): VariantDraft | null {
  const v = d.variants[id]
  if (!v) return null
  if (!v.linked) return v
  return { ...v, text: d.master.text, link: d.master.link, media: d.master.media }
}

// unlink makes a variant its own copy of the master, ready to be adapted.
export function unlink(d: Draft, id: string): void {
  const v = d.variants[id]
  if (!v || !v.linked) return
  v.text = d.master.text
  v.link = d.master.link
  v.media = copyMedia(d.master.media)
  v.linked = false
}

// relink makes a variant follow the master again (its own thread is dropped).
export function relink(d: Draft, id: string): void {
  const v = d.variants[id]
  if (!v) return
  v.linked = true
  v.thread = []
}

export type VariantField = 'text' | 'link'

// editVariant changes a variant's text or link, adapting it first.
export function editVariant(d: Draft, id: string, field: VariantField, value: string): void {
  const v = d.variants[id]
  if (!v) return
  const current = effective(d, id)
  if (current && current[field] === value) return
  unlink(d, id)
  v[field] = value
}

// mediaOf is the media list an editor tab changes: the master's, or the
// variant's own (adapting it first).
export function mediaOf(d: Draft, id: string | null, adapt: boolean): Media[] {
  if (id === null) return d.master.media
  if (adapt) unlink(d, id)
  return effective(d, id)?.media ?? []
}

// applyThread keeps the first part as the text and the rest as the thread.
export function applyThread(d: Draft, id: string, parts: readonly string[]): void {
  const v = d.variants[id]
  const kept = parts.filter((p) => p.trim() !== '')
  if (!v || kept.length === 0) return
  unlink(d, id)
  v.text = kept[0]
  v.thread = kept.slice(1)
}

// parseCampaigns splits "Noël, Soldes,, noël" into ["Noël", "Soldes"].
export function parseCampaigns(s: string): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of s.split(/[,;\n]/)) {
    const c = raw.trim().replace(/\s+/g, ' ')
    const k = c.toLocaleLowerCase()
    if (c === '' || seen.has(k)) continue
    seen.add(k)
    out.push(c)
  }
  return out
}

// mastodonOptions are the options a Mastodon variant sets, none elsewhere.
function mastodonOptions(v: VariantDraft): Partial<Variant> {
  if (v.network !== 'mastodon') return {}
  const out: Partial<Variant> = {}
  if (v.contentWarning.trim()) out.contentWarning = v.contentWarning.trim()
  if (v.visibility) out.visibility = v.visibility
  if (v.language) out.language = v.language
  return out
}

// toInput is what Check, Create and Update take.
export function toInput(d: Draft): PostInput {
  const variants: Variant[] = []
  for (const id of d.selected) {
    const v = effective(d, id)
    if (!v) continue
    variants.push({
      accountId: v.accountId,
      network: v.network,
      text: v.text,
      link: v.link.trim(),
      firstComment: v.firstComment,
      thread: [...v.thread],
      media: v.media.map((m) => ({ ...m })),
      ...mastodonOptions(v),
    })
  }
  return {
    authorNote: d.authorNote.trim(),
    pillar: d.pillar.trim(),
    campaigns: parseCampaigns(d.campaigns),
    variants,
  }
}

// localCount measures a text by an account's network rule at once.
export function localCount(account: Account, text: string): Count & { overAt: number } {
  return measure(text, ruleFor(account.network, account.capabilities))
}

// countsFor gives each selected account its count: the backend's answer
// when it is for the current input, else the local measure.
export function countsFor(
  d: Draft,
  accounts: readonly Account[],
  check: Check | null,
  checkIsCurrent: boolean,
): Record<string, Count & { overAt: number }> {
  const out: Record<string, Count & { overAt: number }> = {}
  for (const id of d.selected) {
    const a = accounts.find((x) => x.id === id)
    const v = effective(d, id)
    if (!a || !v) continue
    const local = localCount(a, v.text)
    const remote = checkIsCurrent ? check?.counts?.[id] : undefined
    out[id] = remote ? { ...remote, overAt: remote.over ? local.overAt : -1 } : local
  }
  return out
}

// blocking lists the findings that stop scheduling.
export function blocking(findings: readonly Finding[] | null | undefined): Finding[] {
  return (findings ?? []).filter((f) => f.severity === 'error')
}

// missingAlt lists the media of a list without a description.
export function missingAlt(media: readonly Media[]): Media[] {
  return media.filter((m) => m.alt.trim() === '')
}

// fileName is the last part of a path, for Windows and POSIX paths.
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] || path
}

// addMedia appends media not already in the list (same path).
export function addMediaTo(list: Media[], added: readonly Media[]): void {
  for (const m of added) if (!list.some((x) => x.path === m.path)) list.push({ ...m, alt: m.alt ?? '' })
}
