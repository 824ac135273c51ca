package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
)

// interruption is the cause of the run's context when a signal stopped it.
type interruption struct{ sig os.Signal }

func (i interruption) Error() string { return "interrupted" }

// code is the exit code of a process stopped by the signal, as a shell
// reports it: 128 + its number (130 for SIGINT, 143 for SIGTERM).
func (i interruption) code() int {
	if s, ok := i.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

// withSignals returns a context that SIGINT or SIGTERM cancels with an
// interruption as its cause. After the first signal the default action
// comes back, so that a second Ctrl-C kills at once.
func withSignals(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			signal.Stop(sigs)
			cancel(interruption{s})
		case <-done:
		}
	}()
	return ctx, func() {
		close(done)
		signal.Stop(sigs)
		cancel(nil)
	}
}

// interrupted returns the interruption that stopped ctx, if one did.
func interrupted(ctx context.Context) (interruption, bool) {
	var i interruption
	ok := errors.As(context.Cause(ctx), &i)
	return i, ok
}

// maxMissing is --bt-max-missing: how many rows translator failures may
// leave without a back-translated variant before the run fails: a count
// ("20") or a share of the rows read ("1%").
type maxMissing struct {
	count   int
	percent float64
	isPct   bool
}

func (m *maxMissing) String() string {
	if m.isPct {
		return strconv.FormatFloat(m.percent, 'g', -1, 64) + "%"
	}
	return strconv.Itoa(m.count)
}
func (m *maxMissing) Set(s string) error {
	s = strings.TrimSpace(s)
	if p, ok := strings.CutSuffix(s, "%"); ok {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || v < 0 || v > 100 {
			return fmt.Errorf("want a count or a percentage from 0%% to 100%%, got %q", s)
		}
		*m = maxMissing{percent: v, isPct: true}
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return fmt.Errorf("want a count or a percentage from 0%% to 100%%, got %q", s)
	}
	*m = maxMissing{count: n}
	return nil
}
func (m *maxMissing) exceeded(missing, rows int) bool {
	if m.isPct {
		return float64(missing) > m.percent/100*float64(rows)
	}
	return missing > m.count
}
