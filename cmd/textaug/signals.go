package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
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
