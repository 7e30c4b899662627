package api

// AppInfo describes the running app for the Settings and Home screens.
type AppInfo struct {
	Version         string   `json:"version"`
	DataDir         string   `json:"dataDir"`
	LogFile         string   `json:"logFile"`
	BackupDir       string   `json:"backupDir"`
	Language        string   `json:"language"`        // effective UI language: "fr" or "en"
	LanguageSetting string   `json:"languageSetting"` // "system", "fr" or "en"
	SystemLanguage  string   `json:"systemLanguage"`  // "fr" or "en", from the OS locale
	SystemTimeZone  string   `json:"systemTimeZone"`  // IANA name from the OS
	OfferDemo       bool     `json:"offerDemo"`       // show the "try the demo workspace" card
	StartupError    *Problem `json:"startupError"`    // set when the store could not be opened
}

// Problem is what the window receives for a failed call: a stable code and a
// message already translated into the UI language.
type Problem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Workspace is one brand or client as the window sees it.
type Workspace struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	TimeZone    string `json:"timeZone"` // IANA
	Language    string `json:"language"` // "fr" or "en"
	Color       string `json:"color"`    // "#rrggbb"
	LogoDataURL string `json:"logoDataUrl"`
	Demo        bool   `json:"demo"`
	Current     bool   `json:"current"`
	CreatedAt   string `json:"createdAt"` // RFC 3339 UTC
	UpdatedAt   string `json:"updatedAt"` // RFC 3339 UTC
}

// WorkspaceInput holds the editable fields of a workspace.
type WorkspaceInput struct {
	Name     string `json:"name"`
	TimeZone string `json:"timeZone"`
	Language string `json:"language"`
	Color    string `json:"color"`
}

// BackupResult reports a backup written by "Back up now".
type BackupResult struct {
	Cancelled bool   `json:"cancelled"`
	Path      string `json:"path"`
	Bytes     int64  `json:"bytes"`
}

// RestoreResult reports a restore from a file.
type RestoreResult struct {
	Cancelled    bool   `json:"cancelled"`
	Path         string `json:"path"`
	SafetyBackup string `json:"safetyBackup"` // the backup taken of the current data just before
	// Kept is where a damaged store folder was moved, whole, before the
	// restore; Relaunch says Ruche starts again on the restored data.
	Kept     string `json:"kept"`
	Relaunch bool   `json:"relaunch"`
}
