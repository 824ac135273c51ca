package main

import (
	"fmt"
	"io"
	"os/exec"
	"slices"
	"syscall"
	"time"
)

// sample is one run of a process.
type sample struct{ cpu, wall, rssMB float64 }

// result holds the runs of a job: textaug's and, paired, the reference's.
type result struct{ own, ref []sample }

// measure runs j runs times; with a reference, textaug and the reference
// take turns, so that each pair sees the same load on the machine.
func measure(j job, runs int, bin string) (result, error) {
	var r result
	for range runs {
		s, err := runOnce(j.cmd(bin))
		if err != nil {
			return r, err
		}
		r.own = append(r.own, s)
		if j.ref == nil {
			continue
		}
		s, err = runOnce(exec.Command(j.ref[0], j.ref[1:]...))
		if err != nil {
			return r, fmt.Errorf("the EDA reference: %w", err)
		}
		r.ref = append(r.ref, s)
	}
	return r, nil
}

func runOnce(c *exec.Cmd) (sample, error) {
	c.Stdout = io.Discard
	var stderr limited
	c.Stderr = &stderr
	start := time.Now()
	if err := c.Run(); err != nil {
		return sample{}, fmt.Errorf("%v: %w: %s", c.Args, err, stderr.b)
	}
	wall := time.Since(start).Seconds()
	ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return sample{}, fmt.Errorf("no resource usage for %v", c.Args)
	}
	cpu := float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
	return sample{cpu: cpu, wall: wall, rssMB: float64(ru.Maxrss) / 1024}, nil
}

// limited keeps the first 4 KB written to it: enough of an error message.
type limited struct{ b []byte }

func (l *limited) Write(p []byte) (int, error) {
	if n := 4096 - len(l.b); n > 0 {
		l.b = append(l.b, p[:min(n, len(p))]...)
	}
	return len(p), nil
}

func median(s []sample, f func(sample) float64) float64 {
	v := make([]float64, len(s))
	for i := range s {
		v[i] = f(s[i])
	}
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// pairedRatio is the median over pairs of ref/own, by f.
func pairedRatio(r result, f func(sample) float64) float64 {
	q := make([]sample, len(r.ref))
	for i := range r.ref {
		q[i] = sample{cpu: f(r.ref[i]) / f(r.own[i])}
	}
	return median(q, func(s sample) float64 { return s.cpu })
}

func cpu(s sample) float64  { return s.cpu }
func wall(s sample) float64 { return s.wall }
func rss(s sample) float64  { return s.rssMB }

func printHeader(w io.Writer) {
	fmt.Fprintln(w, "| job | CPU s | wall s | peak RSS MB | rows/s (wall) | EDA reference: CPU s, wall s, RSS MB | reference ÷ textaug, CPU / wall (paired) |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
}

func printRow(w io.Writer, j job, r result) {
	ref, ratio := "", ""
	if len(r.ref) > 0 {
		ref = fmt.Sprintf("%.2f, %.2f, %.0f", median(r.ref, cpu), median(r.ref, wall), median(r.ref, rss))
		ratio = fmt.Sprintf("%.1f× / %.1f×", pairedRatio(r, cpu), pairedRatio(r, wall))
	}
	rate := ""
	if j.rows > 1 {
		rate = fmt.Sprintf("%.0f", float64(j.rows)/median(r.own, wall))
	}
	fmt.Fprintf(w, "| %s | %.3f | %.3f | %.0f | %s | %s | %s |\n", j.name,
		median(r.own, cpu), median(r.own, wall), median(r.own, rss), rate, ref, ratio)
}
