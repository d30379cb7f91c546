package sqlite

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// ErrLocked means another process holds a database's run lock.
var ErrLocked = errors.New("sqlite: database in use by another running bot")

// LockedError is the error LockRun returns when another process holds the
// lock. It matches ErrLocked with errors.Is.
type LockedError struct {
	// Path is the database file.
	Path string
	// PID is the process holding the lock, 0 when unknown.
	PID int
}

func (e *LockedError) Error() string {
	who := "another process"
	if e.PID > 0 {
		who = "process " + strconv.Itoa(e.PID)
	}
	return fmt.Sprintf("sqlite: %s is in use by another running bot (%s)", e.Path, who)
}

func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// LockRun takes the run lock of the SQLite database at path: an exclusive
// lock on the file path+".lock" (created if missing, holding the owner's
// process ID), so that two long-running bots never share one file (both
// would poll, announce and deliver). Commands that only read, or that
// run once, do not take it. The operating system releases the lock when
// the process ends, however it ends; unlock releases it sooner. Where file
// locks are not available LockRun locks nothing and returns no error. The
// in-memory database needs no lock.
func LockRun(path string) (unlock func() error, err error) {
	if path == Memory {
		return func() error { return nil }, nil
	}
	name := path + ".lock"
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("sqlite: lock %s: %w", path, err)
	}
	ok, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("sqlite: lock %s: %w", path, err)
	}
	if !ok {
		buf := make([]byte, 32)
		n, _ := f.ReadAt(buf, 0)
		pid, _ := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
		f.Close()
		return nil, &LockedError{Path: path, PID: pid}
	}
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return func() error {
		_ = f.Truncate(0)
		return f.Close() // closing releases the lock
	}, nil
}
