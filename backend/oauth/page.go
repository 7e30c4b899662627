package oauth

import (
	"html/template"
	"net/http"
)

// page is what the browser shows once it came back to the loopback
// listener, in French and English: the app does not know the browser's
// language, and the page must not load anything.
var page = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ruche</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.3rem; }
p + h1 { margin-top: 2rem; }
</style>
</head>
<body>
{{if .OK}}
<h1>C’est fait : vous pouvez fermer cette fenêtre.</h1>
<p>Retournez dans Ruche pour terminer la connexion du compte.</p>
<h1 lang="en">Done: you can close this window.</h1>
<p lang="en">Go back to Ruche to finish connecting the account.</p>
{{else}}
<h1>La connexion n’a pas abouti.</h1>
<p>Vous pouvez fermer cette fenêtre ; Ruche explique quoi faire.</p>
<h1 lang="en">The connection did not go through.</h1>
<p lang="en">You can close this window; Ruche tells you what to do.</p>
{{end}}
</body>
</html>
`))

// writePage answers the browser: the page, never cached, never sending
// the address (and its code) as a referrer, loading nothing.
func writePage(w http.ResponseWriter, failure error) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	h.Set("X-Content-Type-Options", "nosniff")
	status := http.StatusOK
	if failure != nil {
		status = http.StatusBadRequest
	}
	w.WriteHeader(status)
	// An error here means the browser went away: there is no one to tell.
	_ = page.Execute(w, struct{ OK bool }{OK: failure == nil})
}
