package postgres

// SetWriters makes stores opened after it write n SavePoll batches at
// once, and returns what puts the dialect back. Tests only: the
// multi-writer path is not PostgreSQL's default, and is kept tested.
func SetWriters(n int) (restore func()) {
	old := dialect.Writers
	dialect.Writers = n
	return func() { dialect.Writers = old }
}
