package tokenize

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// startupEnv turns on TestCLIStartup, a check to run by hand:
//
//	TEXTAUG_STARTUP_CHECK=1 go test ./tokenize -run TestCLIStartup -v
const startupEnv = "TEXTAUG_STARTUP_CHECK"

// TestCLIStartup times the whole process of augmenting one row: it builds
// cmd/textaug, runs `echo "I lost my card" | textaug augment -k 1` five
// times under /usr/bin/time -v and logs the medians of the wall-clock time
// and of the peak resident set. It only reports (the machine is shared and
// noisy); the target of the tagger issue is 0.1 s. The process loads the
// tagger model and the embedded WordNet.
func TestCLIStartup(t *testing.T) {
	if os.Getenv(startupEnv) != "1" {
		t.Skipf("a check to run by hand: set %s=1", startupEnv)
	}
	bin := filepath.Join(t.TempDir(), "textaug")
	out, err := exec.Command("go", "build", "-o", bin, "../cmd/textaug").CombinedOutput()
	require.NoError(t, err, "%s", out)
	timeBin, err := exec.LookPath("/usr/bin/time")
	if err != nil {
		t.Logf("no /usr/bin/time (%v): wall-clock time only", err)
	}
	elapsed := regexp.MustCompile(`Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)`)
	maxRSS := regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`)
	var walls, timed, rss []float64
	for range 5 {
		var cmd *exec.Cmd
		if timeBin != "" {
			cmd = exec.Command(timeBin, "-v", bin, "augment", "-k", "1")
		} else {
			cmd = exec.Command(bin, "augment", "-k", "1")
		}
		cmd.Stdin = strings.NewReader("I lost my card\n")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		start := time.Now()
		require.NoError(t, cmd.Run(), "%s", stderr.String())
		walls = append(walls, time.Since(start).Seconds())
		require.NotEmpty(t, strings.TrimSpace(stdout.String()), "no output; stderr: %s", stderr.String())
		if timeBin == "" {
			continue
		}
		m := elapsed.FindStringSubmatch(stderr.String())
		require.NotNil(t, m, "%s", stderr.String())
		h, _ := strconv.ParseFloat("0"+m[1], 64)
		mi, _ := strconv.ParseFloat(m[2], 64)
		s, _ := strconv.ParseFloat(m[3], 64)
		timed = append(timed, h*3600+mi*60+s)
		r := maxRSS.FindStringSubmatch(stderr.String())
		require.NotNil(t, r, "%s", stderr.String())
		kb, _ := strconv.ParseFloat(r[1], 64)
		rss = append(rss, kb/1024)
	}
	median := func(v []float64) float64 {
		v = slices.Clone(v)
		slices.Sort(v)
		return v[len(v)/2]
	}
	t.Logf("textaug augment -k 1, one row, 5 runs: median wall clock %.3f s (runs %.3f)", median(walls), walls)
	if timeBin != "" {
		t.Logf("/usr/bin/time -v: median elapsed %.2f s (runs %.2f), median peak RSS %.1f MiB (runs %.1f)",
			median(timed), timed, median(rss), rss)
	}
}
