package analytics

import (
	"context"

	"ruche/backend/workspace"
)

// Analysis returns the analysis written for the report of period p of
// workspace ws ("" when none was).
func (s *Service) Analysis(ctx context.Context, ws workspace.Workspace, p Period) (string, error) {
	return s.store.Analysis(ctx, ws.ID, p.From, p.To)
}

// SaveAnalysis keeps the analysis of the report of period p.
func (s *Service) SaveAnalysis(ctx context.Context, ws workspace.Workspace, p Period, text string) error {
	return s.store.PutAnalysis(ctx, ws.ID, p.From, p.To, text)
}
