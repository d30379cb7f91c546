package sqlite

// Checkpoint runs one step of the background checkpointer now, starting
// the WAL over once it holds restartAt frames.
func (db *DB) Checkpoint(restartAt int) { db.ckpt.checkpoint(restartAt) }

// SetRekeyRows sets how many articles one transaction of the key
// migration rewrites, until the test ends.
func SetRekeyRows(tb interface{ Cleanup(func()) }, n int64) {
	old := rekeyRows
	rekeyRows = n
	tb.Cleanup(func() { rekeyRows = old })
}
