package postgres

import (
	"context"
	"database/sql"
	"sync/atomic"
)

// SetWriters makes stores opened after it write n SavePoll batches at
// once, and returns what puts the dialect back. Tests only: the
// multi-writer path is not PostgreSQL's default, and is kept tested.
func SetWriters(n int) (restore func()) {
	old := dialect.Writers
	dialect.Writers = n
	return func() { dialect.Writers = old }
}

// CountCopies counts, until restore, the bulk copies SavePoll makes and
// those that failed (and were inserted row by row instead).
func CountCopies() (copies, failed *atomic.Int64, restore func()) {
	copies, failed = new(atomic.Int64), new(atomic.Int64)
	old := dialect.CopyArticles
	dialect.CopyArticles = func(ctx context.Context, conn *sql.Conn, rows [][]any) ([]int64, error) {
		copies.Add(1)
		ids, err := old(ctx, conn, rows)
		if err != nil {
			failed.Add(1)
		}
		return ids, err
	}
	return copies, failed, func() { dialect.CopyArticles = old }
}
