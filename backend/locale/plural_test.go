package locale

import "testing"

func TestPluralForms(t *testing.T) {
	tests := []struct {
		lang Lang
		n    int
		want string
	}{
		{French, 0, "0 ligne peut être importée, 0 a des problèmes. Rien n’a été importé (--dry-run)."},
		{French, 1, "1 ligne peut être importée, 1 a des problèmes. Rien n’a été importé (--dry-run)."},
		{French, 2, "2 lignes peuvent être importées, 2 ont des problèmes. Rien n’a été importé (--dry-run)."},
		{English, 0, "0 rows can be imported, 0 have problems. Nothing was imported (--dry-run)."},
		{English, 1, "1 row can be imported, 1 has problems. Nothing was imported (--dry-run)."},
		{English, 2, "2 rows can be imported, 2 have problems. Nothing was imported (--dry-run)."},
	}
	for _, tt := range tests {
		if got := Message(tt.lang, "cli.import_preview", map[string]any{"valid": tt.n, "invalid": tt.n}); got != tt.want {
			t.Errorf("Message(%s, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
	if got := Message(English, "cli.import_done", map[string]any{"count": "many"}); got != "many {count|post|posts} imported." {
		t.Errorf("a count that is no number leaves the form as it is: got %q", got)
	}
}
