// The Composer facade of the Go backend, typed: accounts, the live check,
// posts, splitting into a thread and media. Every function rejects with a
// Problem.
import * as P from '../../wailsjs/go/api/Composer'
import type { api } from '../../wailsjs/go/models'
import { call } from './call'
import type { TextCheck } from '../lib/spelling'
import { asModel, type Account, type Check, type Media, type Post, type PostInput } from './posts'

export type { Problem } from '../lib/problem'
export type { Misspelling, TextCheck, TextLanguage } from '../lib/spelling'
export type { Account, Capabilities, Check, Count, Finding, Media, Post, PostInput, Variant } from './posts'

// The statuses a user may set by hand.
export type EditorialStatus = 'draft' | 'in_review' | 'approved'

const model = (input: PostInput) => asModel<api.PostInput>(input)

export const accounts = (): Promise<Account[]> => call(() => P.Accounts()).then((a) => a ?? [])
export const check = (input: PostInput): Promise<Check> => call(() => P.Check(model(input)))
export const getPost = (id: string): Promise<Post> => call(() => P.Get(id))
// createPost saves a new post: a draft when date and time are both "".
export const createPost = (input: PostInput, date = '', time = ''): Promise<Post> =>
  call(() => P.Create(model(input), date, time))
// updatePost rejects with code "post.conflict" when revision is stale.
export const updatePost = (id: string, revision: number, input: PostInput): Promise<Post> =>
  call(() => P.Update(id, revision, model(input)))
export const deletePost = (id: string): Promise<void> => call(() => P.Delete(id))
export const setStatus = (id: string, status: EditorialStatus): Promise<Post> => call(() => P.SetStatus(id, status))
export const splitThread = (accountId: string, text: string): Promise<string[]> =>
  call(() => P.SplitThread(accountId, text)).then((p) => p ?? [])
// addMedia reads dropped files (paths from the Wails file drop).
export const addMedia = (accountId: string, paths: string[]): Promise<Media[]> =>
  call(() => P.AddMedia(accountId, paths)).then((m) => m ?? [])
// chooseMedia opens a file dialog; [] when cancelled.
export const chooseMedia = (accountId: string): Promise<Media[]> => call(() => P.ChooseMedia(accountId)).then((m) => m ?? [])

// A recurrence: every `every` days, weeks or months from start at time,
// until a date (inclusive) or for count occurrences.
export type Recurrence = { start: string; time: string; every: number; unit: 'day' | 'week' | 'month'; until: string; count: number }
export type Occurrence = { at: string; localDate: string; localTime: string }

// previewRecurrence lists the dates a recurrence gives (the first 60); saves nothing.
export const previewRecurrence = (r: Recurrence): Promise<Occurrence[]> =>
  call(() => P.PreviewRecurrence(asModel<api.Recurrence>(r))).then((o) => o ?? [])
// createRecurring schedules one post per date, all or none.
export const createRecurring = (input: PostInput, r: Recurrence): Promise<Post[]> =>
  call(() => P.CreateRecurring(model(input), asModel<api.Recurrence>(r))).then((p) => p ?? [])

// spelling reads the text of a variant (accountId) or of the master text
// (""): its language and misspelled words, offsets in UTF-16 units. ready is
// false while the dictionaries load: ask again a moment later.
export const spelling = (text: string, accountId = ''): Promise<TextCheck> =>
  call(() => P.Spelling(text, accountId)).then((r) => ({ ...r, misspellings: r.misspellings ?? [] }))
// addWord adds a word to the workspace's dictionary.
export const addWord = (word: string): Promise<void> => call(() => P.AddWord(word))
