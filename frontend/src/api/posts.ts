// The DTOs of the Calendar and Composer facades (backend/api/posts_types.go)
// as plain data: the generated model classes without their helper methods,
// at every depth, so plain objects (and test fixtures) fit. Instants are
// RFC 3339 UTC; days and times are the workspace's wall clock
// ("YYYY-MM-DD", "HH:MM"). A Go nil slice arrives as null: read lists with
// `?? []`.
import type { api } from '../../wailsjs/go/models'

type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Plain<T[K]> }
    : T

export type Capabilities = Plain<api.Capabilities>
export type Account = Plain<api.Account>
export type Media = Plain<api.Media>
export type Variant = Plain<api.Variant>
export type PostInput = Plain<api.PostInput>
export type Attempt = Plain<api.Attempt>
export type Delivery = Plain<api.Delivery>
export type Post = Plain<api.Post>
export type Day = Plain<api.Day>
export type Pause = Plain<api.Pause>
export type CalendarView = Plain<api.CalendarView>
export type Count = Plain<api.Count>
export type Finding = Plain<api.Finding>
export type Check = Plain<api.Check>
export type Slot = Plain<api.Slot>
export type PauseEvent = Plain<api.PauseEvent>
export type ImportRow = Plain<api.ImportRow>
export type ImportPreview = Plain<api.ImportPreview>

// asModel hands plain data to a generated binding that is typed with the
// model class (whose helper methods the backend never needs).
export const asModel = <T>(v: Plain<T>): T => v as unknown as T
