//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/strikebot/strikebot/bot/console"
)

// openPTY opens a pseudo-terminal: the binary gets the terminal end, the
// test types into and reads from the other.
func openPTY(t *testing.T) (master, term *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		master.Close()
		t.Skipf("unlock the pseudo-terminal: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		master.Close()
		t.Skipf("name the pseudo-terminal: %v", e)
	}
	term, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		t.Skipf("open the pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { master.Close(); term.Close() })
	return master, term
}

// ansi matches the escape sequences the screen writes.
var ansi = regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]")

// TestDemoOnATerminal runs the demo as someone at a terminal does: it
// announces, offers the prompt, answers a command typed while news and
// logs keep coming, never prints a log or an announcement on the
// prompt's line, and stops on "quit".
func TestDemoOnATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	master, term := openPTY(t)
	cmd := exec.Command(binary(t), "demo", "--every", "30ms", "--verbose")
	cmd.Dir = t.TempDir()
	cmd.Stdin, cmd.Stdout, cmd.Stderr = term, term, term
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill(); <-done })
	var screen syncBuffer
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			screen.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	waitUntil(t, 30*time.Second, "the prompt and the first news", func() bool {
		s := screen.String()
		return strings.Contains(s, console.Prompt) && strings.Contains(s, "▶ ")
	}, screen.String)
	fmt.Fprint(master, "status\r")
	waitUntil(t, 30*time.Second, "the status card", func() bool { return strings.Contains(screen.String(), "== Status:") }, screen.String)
	waitUntil(t, 30*time.Second, "the demo site done", func() bool { return strings.Contains(screen.String(), "published all its articles") }, screen.String)
	fmt.Fprint(master, "quit\r")
	select {
	case err := <-done:
		done <- err
		if err != nil {
			t.Errorf("demo exited with %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("demo did not stop on quit:\n%s", screen.String())
	}
	out := screen.String()
	// Lines as the terminal shows them: the screen's erase sequence ends
	// what was on the line before it.
	shown := strings.ReplaceAll(out, "\r\x1b[K", "\n")
	shown = ansi.ReplaceAllString(strings.ReplaceAll(shown, "\r", ""), "")
	for _, line := range strings.Split(shown, "\n") {
		rest, ok := strings.CutPrefix(line, console.Prompt)
		if !ok || rest == "" || rest == "status" || rest == "quit" {
			continue
		}
		if strings.Contains(rest, "level=") || strings.Contains(rest, "▶") || strings.Contains(rest, "·") {
			t.Errorf("output ran into the prompt: %q", line)
		}
	}
	if !strings.Contains(out, "strikebot demo stopped.") {
		t.Errorf("no stop line:\n%s", out)
	}
}
