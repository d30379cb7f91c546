package sqlite

// Checkpoint runs one step of the background checkpointer now, starting
// the WAL over once it holds restartAt frames.
func (db *DB) Checkpoint(restartAt int) { db.ckpt.checkpoint(restartAt) }
