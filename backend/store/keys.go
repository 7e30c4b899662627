package store

import (
	"encoding/binary"
	"time"

	"ruche/backend/calendar"
)

// Key schema. Every key of the store is built in this file.
//
// Keys are byte strings made of ASCII segments separated by '/'. Identifiers
// are the fixed-width, time-ordered strings of package ident, so that byte
// order is creation order. A secondary index is a separate key with an empty
// value, written in the same transaction as its record.
//
//	meta/schema                  int: number of migrations applied (see migrate.go)
//	meta/info                    storeInfo: when and by which version the store was made
//	settings/app                 settings.Settings
//	ws/<wsID>                    workspace.Workspace
//	wslogo/<wsID>                raw PNG or JPEG bytes of the workspace's logo (not JSON)
//	idx/wsname/<lower(name)>     value: <wsID>; unique workspace names, ignoring case
//	post/<postID>                post.Post
//	idx/wspost/<wsID>/<postID>   every post of a workspace
//	idx/when/<wsID>/<t>/<postID> value: post.Entry, compact binary (post.go); posts with an
//	                             instant, any status, by instant: the calendar reads it alone
//	idx/draft/<wsID>/<postID>    posts without an instant: the unscheduled drafts
//	idx/due/<t>/<postID>         status scheduled only, by post.DueAt (RetryAt, else the
//	                             instant): what the scheduler must publish
//	idx/sending/<postID>         status publishing: what a crash may have left half-sent,
//	                             reconciled with the network when the scheduler starts
//	idx/held/<postID>            posts a network holds to publish them itself (a delivery
//	                             with Held): what package hold must keep in step
//	account/<accountID>          account.Account (account.go)
//	idx/wsaccount/<wsID>/<accountID>
//	                             every account of a workspace
//	queue/<wsID>                 []calendar.Slot: the workspace's weekly queue slots (queue.go)
//	words/<wsID>                 []string: the workspace's own words, accepted by the spelling
//	                             check ("add to dictionary"; words.go)
//	voice/<wsID>                 text.Voice: the workspace's brand voice (voice.go)
//	job/<name>                   jobs.State: a background job's last run (jobs.go)
//
// <t> is not ASCII: it is 8 bytes, the instant's nanoseconds since 1970 as a
// big-endian unsigned integer, so that byte order is time order. Instants
// before 1970 are refused (post.CheckTime). A key after <t> is read by
// position, never split on '/', since those 8 bytes may hold one.
//
// idx/when/ is the one index whose keys have a value: a month holds thousands
// of posts, and reading each record (1 to 2 KB of JSON, ~13 µs to decode
// here) would take ten times the month view's budget. Its values are derived
// from the records and rebuilt from them when their shape changes.
//
// Every value except wslogo/ and idx/when/ is JSON wrapped in an envelope
// {"v":N,"d":...} where N is the version of the value's shape (codec.go).
// idx/when/ is the one index with a value (a compact binary post.Entry, see
// below): the calendar reads a month from its keys alone.

const prefixJob = "job/"

func keyJob(name string) []byte { return []byte(prefixJob + name) }

const (
	prefixWorkspace     = "ws/"
	prefixWorkspaceLogo = "wslogo/"
	prefixWorkspaceName = "idx/wsname/"
)

var (
	keySchema   = []byte("meta/schema")
	keyInfo     = []byte("meta/info")
	keySettings = []byte("settings/app")
)

func keyWorkspace(id string) []byte     { return []byte(prefixWorkspace + id) }
func keyWorkspaceLogo(id string) []byte { return []byte(prefixWorkspaceLogo + id) }
func keyWorkspaceName(folded string) []byte {
	return []byte(prefixWorkspaceName + folded)
}

const (
	prefixPost          = "post/"
	prefixPostWorkspace = "idx/wspost/"
	prefixPostWhen      = "idx/when/"
	prefixPostDraft     = "idx/draft/"
	prefixPostDue       = "idx/due/"
	prefixPostSending   = "idx/sending/"
	prefixPostHeld      = "idx/held/"
)

// timeLen is the length of <t>.
const timeLen = 8

// appendTime appends t as <t>; t must pass post.CheckTime.
func appendTime(b []byte, t time.Time) []byte {
	return binary.BigEndian.AppendUint64(b, uint64(t.UnixNano()))
}

func keyPost(id string) []byte { return []byte(prefixPost + id) }
func keyPostWorkspace(wsID, id string) []byte {
	return []byte(prefixPostWorkspace + wsID + "/" + id)
}
func prefixPostWhenOf(wsID string) string { return prefixPostWhen + wsID + "/" }
func keyPostWhen(wsID string, at time.Time, id string) []byte {
	return append(appendTime([]byte(prefixPostWhenOf(wsID)), at), "/"+id...)
}
func keyPostDraft(wsID, id string) []byte { return []byte(prefixPostDraft + wsID + "/" + id) }
func keyPostDue(at time.Time, id string) []byte {
	return append(appendTime([]byte(prefixPostDue), at), "/"+id...)
}
func keyPostSending(id string) []byte { return []byte(prefixPostSending + id) }
func keyPostHeld(id string) []byte    { return []byte(prefixPostHeld + id) }

// idAfterTime returns the <postID> of a key that ends in <t>/<postID> after
// prefix.
func idAfterTime(key []byte, prefix string) string {
	return string(key[len(prefix)+timeLen+1:])
}

// timeOfKey returns the <t> of a key that holds one after prefix.
func timeOfKey(key []byte, prefix string) time.Time {
	return time.Unix(0, int64(binary.BigEndian.Uint64(key[len(prefix):]))).UTC()
}

// The crisis switch (pause.go):
//
//	pause/<wsID>                 crisis.Pause; <wsID> is "*" for the pause of every workspace
//	pauselog/<t><n>              crisis.Event, the audit list; <t> as above, <n> 4 random bytes
const (
	prefixPause    = "pause/"
	prefixPauseLog = "pauselog/"
)

func keyPause(wsID string) []byte {
	if wsID == "" {
		wsID = "*"
	}
	return []byte(prefixPause + wsID)
}

func keyPauseEvent(at time.Time, nonce []byte) []byte {
	return append(appendTime([]byte(prefixPauseLog), at), nonce...)
}

const (
	prefixAccount          = "account/"
	prefixAccountWorkspace = "idx/wsaccount/"
	prefixQueue            = "queue/"
)

func keyAccount(id string) []byte { return []byte(prefixAccount + id) }
func prefixAccountWorkspaceOf(wsID string) string {
	return prefixAccountWorkspace + wsID + "/"
}
func keyAccountWorkspace(wsID, id string) []byte {
	return []byte(prefixAccountWorkspaceOf(wsID) + id)
}
func keyQueue(wsID string) []byte { return []byte(prefixQueue + wsID) }

const prefixWords = "words/"

func keyWords(wsID string) []byte { return []byte(prefixWords + wsID) }

const prefixVoice = "voice/"

func keyVoice(wsID string) []byte { return []byte(prefixVoice + wsID) }

// Analytics (metrics.go):
//
//	mday/<accountID>/<d>         metric.AccountDay, compact binary: an account's counters on
//	                             UTC day <d>, one reading a day
//	mpost/<wsID>/<t>/<postID>/<accountID>
//	                             metric.PostMetrics, compact binary: the counters of a post
//	                             published to an account at <t>, at each checkpoint
//	mmanual/<wsID>/<d>/<kind>/<subject>
//	                             metric.Manual, compact binary: a typed or imported figure of
//	                             local day <d>; <subject> may be empty and may hold '/'
//	objective/<wsID>/<objectiveID>
//	                             metric.Objective (JSON envelope)
//	analysis/<wsID>/<from>/<to>  string (JSON envelope): the "analysis and recommendations"
//	                             of the report of local days <from>..<to> (YYYY-MM-DD)
//	reportplan/<wsID>            metric.ReportPlan (JSON envelope): the monthly report written
//	                             to a folder (analysis.go)
//	mact/<wsID>/<d>/<accountID>  the metric.Activity values of UTC day <d>, compact binary
//	                             (community.go)
//	mans/<wsID>/<d>/<accountID>  the metric.Answer values written on UTC day <d>, likewise
//	mcomm/<accountID>            metric.CommunityCursor (JSON envelope): where reading the
//	                             account's notifications goes on from
//
// <d> is a day as 8 bytes, like <t>: the nanoseconds of its midnight UTC, so
// that byte order is day order. The metric values are not JSON: a year's
// dashboard reads tens of thousands of them (7,300 account days for 20
// accounts, 10,000 publications) within 20 ms, and decoding that much JSON
// alone takes longer. Each starts with a version byte (metrics.go).
const (
	prefixMetricDay       = "mday/"
	prefixMetricPost      = "mpost/"
	prefixMetricManual    = "mmanual/"
	prefixObjective       = "objective/"
	prefixAnalysis        = "analysis/"
	prefixReportSchedule  = "reportplan/"
	prefixActivity        = "mact/"
	prefixAnswer          = "mans/"
	prefixCommunityCursor = "mcomm/"
)

func prefixActivityOf(wsID string) string { return prefixActivity + wsID + "/" }
func prefixAnswerOf(wsID string) string   { return prefixAnswer + wsID + "/" }
func keyDayOf(prefix string, at time.Time, accountID string) []byte {
	return append(appendDay([]byte(prefix), calendar.DayOf(at, time.UTC)), "/"+accountID...)
}
func keyCommunityCursor(accountID string) []byte { return []byte(prefixCommunityCursor + accountID) }

func prefixAnalysisOf(wsID string) string { return prefixAnalysis + wsID + "/" }
func keyAnalysis(wsID string, from, to calendar.Day) []byte {
	return []byte(prefixAnalysisOf(wsID) + from.String() + "/" + to.String())
}

// appendDay appends d as <d>; a day outside the instants a key can hold
// (post.CheckTime) is brought to the nearest, for range bounds.
func appendDay(b []byte, d calendar.Day) []byte {
	return appendTime(b, clampTime(dayTime(d)))
}

// dayTime returns the midnight UTC of d.
func dayTime(d calendar.Day) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// dayOfKey returns the <d> of a key that holds one after prefix.
func dayOfKey(key []byte, prefix string) calendar.Day {
	return calendar.DayOf(timeOfKey(key, prefix), time.UTC)
}

func prefixMetricDayOf(accountID string) string { return prefixMetricDay + accountID + "/" }
func keyMetricDay(accountID string, d calendar.Day) []byte {
	return appendDay([]byte(prefixMetricDayOf(accountID)), d)
}

func prefixMetricPostOf(wsID string) string { return prefixMetricPost + wsID + "/" }
func keyMetricPost(wsID string, at time.Time, postID, accountID string) []byte {
	return append(appendTime([]byte(prefixMetricPostOf(wsID)), at), "/"+postID+"/"+accountID...)
}

func prefixMetricManualOf(wsID string) string { return prefixMetricManual + wsID + "/" }
func keyMetricManual(wsID string, d calendar.Day, kind, subject string) []byte {
	return append(appendDay([]byte(prefixMetricManualOf(wsID)), d), "/"+kind+"/"+subject...)
}

func prefixObjectiveOf(wsID string) string { return prefixObjective + wsID + "/" }
func keyObjective(wsID, id string) []byte  { return []byte(prefixObjectiveOf(wsID) + id) }
