package logs

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTokensNeverReachTheFile(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	remembered := `Zr9"qK\w-7vLmP2xTn4` // remembered through the vault, with JSON-escaped characters
	l.Redactor.Remember(remembered)
	log := For(l.Logger, "test")

	tests := []struct {
		name   string
		secret string
		write  func(secret string)
	}{
		{"remembered secret in a message", remembered, func(s string) { log.Info().Msgf("session opened with %s", s) }},
		{"remembered secret in a field", remembered, func(s string) { log.Warn().Str("note", "retry "+s).Send() }},
		{"token field", "eyJhbGciOiJIUzI1NiJ9.payload.sig", func(s string) { log.Info().Str("access_token", s).Send() }},
		{"refresh token field", "rt-0123456789abcdef", func(s string) { log.Info().Str("refreshJwt", s).Send() }},
		{"password field", "hunter2hunter2", func(s string) { log.Info().Str("appPassword", s).Send() }},
		{"bearer header in an error", "abcDEF123456789xyz", func(s string) {
			log.Error().Err(errors.New("request failed: Authorization: Bearer " + s)).Send()
		}},
		{"token in a URL", "tok_9f8e7d6c5b4a", func(s string) {
			log.Info().Str("url", "https://example.test/cb?code=x&access_token="+s+"&state=1").Send()
		}},
		{"password in a form", "s3cr3t-P4ss!", func(s string) { log.Info().Msg("body: handle=brand.test&password=" + s) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.write(tt.secret) })
	}
	l.Close()
	data, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, tt := range tests {
		if strings.Contains(text, tt.secret) || strings.Contains(text, strings.ReplaceAll(tt.secret, `"`, `\"`)) {
			t.Errorf("%s: the log file holds the secret %q", tt.name, tt.secret)
		}
	}
	if got, want := strings.Count(text, Redacted), len(tests); got < want {
		t.Errorf("log has %d %q marks, want at least %d:\n%s", got, Redacted, want, text)
	}
	if !strings.Contains(text, `"component":"test"`) || !strings.Contains(text, "session opened with") {
		t.Errorf("the log lost its ordinary content:\n%s", text)
	}
}

func TestFileStaysUnderItsCap(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(dir, Options{MaxBytes: 4 << 10, Keep: 2})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 1000 {
		l.Logger.Info().Int("i", i).Msg("a line of ordinary length to fill the file")
	}
	l.Close()
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 3 {
		t.Errorf("files = %v, want ruche.log and 2 rotated ones", files)
	}
	for _, f := range files {
		fi, _ := os.Stat(f)
		if fi.Size() > 4<<10 {
			t.Errorf("%s is %d bytes, over the cap of %d", f, fi.Size(), 4<<10)
		}
	}
	last, _ := os.ReadFile(filepath.Join(dir, FileName))
	if !strings.Contains(string(last), `"i":999`) {
		t.Errorf("the newest line is not in %s", FileName)
	}
}
