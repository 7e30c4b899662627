package settings

import (
	"context"
	"errors"
	"testing"

	"ruche/backend/locale"
)

type memStore struct {
	st   Settings
	fail error
}

func (m *memStore) Settings(context.Context) (Settings, error) { return m.st, m.fail }
func (m *memStore) UpdateSettings(_ context.Context, change func(*Settings) error) (Settings, error) {
	if m.fail != nil {
		return Settings{}, m.fail
	}
	err := change(&m.st)
	return m.st, err
}

func TestService(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		setting string
		fail    error
		want    locale.Lang
		wantErr error
	}{
		{"the system's by default", LanguageSystem, nil, locale.French, nil},
		{"the user's choice", "en", nil, locale.English, nil},
		{"an unknown language is refused", "de", nil, locale.French, ErrLanguage},
		{"unreadable settings speak the system's", "en", errors.New("disk"), locale.French, errors.New("disk")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &memStore{fail: tt.fail}
			s := NewService(m, locale.French)
			err := s.SetLanguage(ctx, tt.setting)
			if (err == nil) != (tt.wantErr == nil) || (tt.wantErr == ErrLanguage && !errors.Is(err, ErrLanguage)) {
				t.Fatalf("SetLanguage(%q) = %v, want %v", tt.setting, err, tt.wantErr)
			}
			if got := s.Language(ctx); got != tt.want {
				t.Errorf("Language() = %s, want %s", got, tt.want)
			}
		})
	}
	m := &memStore{}
	if err := NewService(m, locale.English).DismissDemoOffer(ctx); err != nil || !m.st.DemoOfferDismissed {
		t.Errorf("DismissDemoOffer() = %v, dismissed %v; want nil, true", err, m.st.DemoOfferDismissed)
	}
}
