// The Accounts facade of the Go backend, typed: list, connect (a Bluesky
// app password, a Mastodon authorization), disconnect and remove the current
// workspace's accounts. Passwords and tokens go to the system keychain and
// never come back. Every function rejects with a Problem {code, message}.
import * as A from '../../wailsjs/go/api/Accounts'
import type { api, connect } from '../../wailsjs/go/models'
import { call } from './call'

export type { Problem } from '../lib/problem'

// Plain keeps the JSON fields of a generated model class, at every depth,
// and drops its helper methods, so plain objects (and test fixtures) fit.
type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Plain<T[K]> }
    : T

// An account as the Accounts screen shows it. health is "connected",
// "expiring", "reconnect_needed", "disconnected" or "demo"; expiresAt is
// RFC 3339, "" when its access does not end.
export type AccountView = Plain<api.AccountView>
// What the user needs to authorize Ruche on a Mastodon instance: the page
// the backend opened in the browser (url), and whether the instance shows a
// code to paste (outOfBand) instead of coming back by itself.
export type MastodonStart = Plain<connect.MastodonStart>

export const listAccounts = (): Promise<AccountView[]> => call(() => A.List()).then((a) => a ?? [])
// connectBluesky connects (or reconnects) a Bluesky account with an app
// password; service is its server, "" to find it from the handle.
export const connectBluesky = (handle: string, appPassword: string, service = ''): Promise<AccountView> =>
  call(() => A.ConnectBluesky(handle, appPassword, service))
// startMastodon checks the instance, registers Ruche there and opens the
// authorization page in the browser.
export const startMastodon = (instance: string, pasteCode: boolean): Promise<MastodonStart> =>
  call(() => A.StartMastodon(instance, pasteCode))
// finishMastodon completes the authorization with the pasted code or, with
// code "", waits (up to 15 minutes) for the browser to come back.
export const finishMastodon = (flowId: string, code = ''): Promise<AccountView> =>
  call(() => A.FinishMastodon(flowId, code))
export const cancelMastodon = (flowId: string): Promise<void> => call(() => A.CancelMastodon(flowId))
// disconnectAccount removes the account's access from the keychain; its posts stay.
export const disconnectAccount = (id: string): Promise<AccountView> => call(() => A.Disconnect(id))
// removeAccount disconnects the account and deletes it.
export const removeAccount = (id: string): Promise<void> => call(() => A.Remove(id))
// setNativeScheduling lets a Mastodon instance hold the account's scheduled
// posts until their time.
export const setNativeScheduling = (id: string, on: boolean): Promise<AccountView> =>
  call(() => A.SetNativeScheduling(id, on))
