//go:build !unix

package sqlite

import "os"

// tryLock locks nothing where flock is not available.
func tryLock(*os.File) (bool, error) { return true, nil }
