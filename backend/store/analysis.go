package store

import (
	"context"
	"errors"

	"github.com/dgraph-io/badger/v4"

	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
)

// analysisVersion is the shape of a report's analysis in the store.
const analysisVersion = 1

// Analysis returns the "analysis and recommendations" written for the
// report of workspace wsID over the local days from..to; "" when none was.
func (s *Store) Analysis(ctx context.Context, wsID string, from, to calendar.Day) (string, error) {
	var text string
	err := s.view(ctx, func(txn *badger.Txn) error { return get(txn, keyAnalysis(wsID, from, to), &text) })
	if errors.Is(err, ErrNotFound) {
		return "", nil
	}
	return text, err
}

// PutAnalysis keeps text as the analysis of that report; "" removes it.
func (s *Store) PutAnalysis(ctx context.Context, wsID string, from, to calendar.Day, text string) error {
	if err := checkID("workspace", wsID); err != nil {
		return err
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		if text == "" {
			return txn.Delete(keyAnalysis(wsID, from, to))
		}
		return put(txn, keyAnalysis(wsID, from, to), analysisVersion, text)
	})
}

// reportPlanVersion is the shape of a report plan in the store.
const reportPlanVersion = 1

// ReportPlans returns the monthly report plans of every workspace.
func (s *Store) ReportPlans(ctx context.Context) ([]metric.ReportPlan, error) {
	var out []metric.ReportPlan
	err := s.view(ctx, func(txn *badger.Txn) error {
		for _, id := range keysAfter(txn, prefixReportSchedule) {
			var sch metric.ReportPlan
			if err := get(txn, []byte(prefixReportSchedule+id), &sch); err != nil {
				return err
			}
			out = append(out, sch)
		}
		return nil
	})
	return out, err
}

// ReportSchedule returns workspace wsID's plan; ok is false when it has
// none.
func (s *Store) ReportPlan(ctx context.Context, wsID string) (metric.ReportPlan, bool, error) {
	var sch metric.ReportPlan
	err := s.view(ctx, func(txn *badger.Txn) error { return get(txn, []byte(prefixReportSchedule+wsID), &sch) })
	if errors.Is(err, ErrNotFound) {
		return metric.ReportPlan{}, false, nil
	}
	return sch, err == nil, err
}

// PutReportPlan keeps sch; one without a folder removes the plan.
func (s *Store) PutReportPlan(ctx context.Context, sch metric.ReportPlan) error {
	if err := checkID("workspace", sch.WorkspaceID); err != nil {
		return err
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		if sch.Folder == "" {
			return txn.Delete([]byte(prefixReportSchedule + sch.WorkspaceID))
		}
		return put(txn, []byte(prefixReportSchedule+sch.WorkspaceID), reportPlanVersion, sch)
	})
}
