package store

import (
	"context"

	"github.com/dgraph-io/badger/v4"

	"ruche/backend/jobs"
)

const jobVersion = 1

// JobStates returns the background jobs' states as last kept.
func (s *Store) JobStates(ctx context.Context) ([]jobs.State, error) {
	var out []jobs.State
	err := s.view(ctx, func(txn *badger.Txn) error {
		return each(txn, prefixJob, func(_, value []byte) error {
			var st jobs.State
			if _, err := decode(value, &st); err != nil {
				return err
			}
			out = append(out, st)
			return nil
		})
	})
	return out, err
}

// PutJobState keeps a background job's state.
func (s *Store) PutJobState(ctx context.Context, st jobs.State) error {
	return s.update(ctx, func(txn *badger.Txn) error { return put(txn, keyJob(st.Name), jobVersion, st) })
}
