package api

// The events the backend sends to the window. The names are mirrored by
// frontend/src/api/events.ts; keep both in step.
const (
	// EventPostFailed: a post failed for good. Payload: PostFailed.
	EventPostFailed = "post:failed"
	// EventPostsChanged: the scheduler changed posts (published, failed,
	// missed, paused): the calendar reloads. Payload: none.
	EventPostsChanged = "posts:changed"
	// EventPostOpen: the user clicked a desktop notification about a post:
	// the window opens it. Payload: the post's ID.
	EventPostOpen = "post:open"
	// EventReportProgress: a PDF report is being written. Payload:
	// ReportProgress.
	EventReportProgress = "report:progress"
)

// PostFailed tells the window which post failed and why, to notify the user
// and open the post.
type PostFailed struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Reason string `json:"reason"` // translated
}
