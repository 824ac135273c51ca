package builtin

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms"
)

// Budgets stated in the package doc.
const (
	maxDataBytes = 15 << 20
	maxHeapBytes = 64 << 10
)

func TestEnglish(t *testing.T) {
	wn, err := English()
	require.NoError(t, err)
	again, err := English()
	require.NoError(t, err)
	assert.Same(t, wn, again, "parsed once")
	assert.Equal(t, Version, wn.Version())
	assert.Equal(t, 155287, wn.Len())
	assert.True(t, wn.Has("rise", synonyms.Verb))
	assert.True(t, wn.Has("credit card", synonyms.Noun))

	m, err := Morphology()
	require.NoError(t, err)
	assert.Same(t, wn.Morphology(), m)
	assert.Equal(t, "rose", m.Inflect("rise", synonyms.Verb, "VBD"))
}

// TestLoadCost logs what a cold load costs and checks the heap and size
// budgets; BenchmarkLoad measures the time.
func TestLoadCost(t *testing.T) {
	assert.LessOrEqual(t, len(data), maxDataBytes)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	wn, err := parse()
	elapsed := time.Since(start)
	require.NoError(t, err)
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	runtime.KeepAlive(wn)

	t.Logf("data %d bytes; one cold load %v; heap after load %d bytes",
		len(data), elapsed, heap)
	assert.LessOrEqual(t, heap, int64(maxHeapBytes))
}

// The package doc states the size of the embedded file.
func TestDocStatesSize(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	m := regexp.MustCompile(`english\.wn \(([0-9,]+) bytes`).FindSubmatch(doc)
	require.NotNil(t, m, "doc.go must state the size of english.wn")
	n, err := strconv.Atoi(strings.ReplaceAll(string(m[1]), ",", ""))
	require.NoError(t, err)
	assert.Equal(t, len(data), n, "update the size in doc.go")
}

// The embedded file is exactly what gen.go makes of /usr/share/wordnet.
func TestRegenerate(t *testing.T) {
	const dir = "/usr/share/wordnet"
	if _, err := os.Stat(filepath.Join(dir, "index.noun")); err != nil {
		t.Skipf("skipping: no WordNet database in %s (apt-get install wordnet-base to run this test)", dir)
	}
	if testing.Short() {
		t.Skip("skipping in short mode: runs the generator")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("skipping: no go command in PATH")
	}
	out := filepath.Join(t.TempDir(), "english.wn")
	args := []string{"run", "gen.go", "-wordnet", dir, "-o", out}
	if _, err := exec.LookPath("dpkg-query"); err != nil {
		args = append(args, "-version", Version)
	}
	cmd := exec.Command(goTool, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Run(), stderr.String())
	t.Log(strings.TrimSpace(stderr.String()))

	got, err := os.ReadFile(out)
	require.NoError(t, err)
	if !bytes.Equal(got, []byte(data)) {
		t.Fatalf("regenerated data differs (%d bytes vs %d embedded): the installed wordnet-base differs from %q or gen.go or the format changed; run go generate and update Version and doc.go",
			len(got), len(data), Version)
	}
}

// The embedded data passes every check of synonyms.ReadWordNet (English
// opens it in place with the cheap checks only), and the copy that
// ReadWordNet makes answers as the data read in place does.
func TestEmbeddedDataChecks(t *testing.T) {
	checked, err := synonyms.ReadWordNet(strings.NewReader(data))
	require.NoError(t, err)
	wn, err := English()
	require.NoError(t, err)
	assert.Equal(t, wn.Len(), checked.Len())
	for _, q := range [][2]string{{"rose", "VBD"}, {"shares", "NNS"}, {"better", "JJR"}, {"card", "NN"}, {"quickly", "RB"}} {
		assert.Equal(t, wn.Synonyms(q[0], q[1]), checked.Synonyms(q[0], q[1]), q)
	}
	b, err := checked.MarshalBinary()
	require.NoError(t, err)
	assert.True(t, string(b) == data, "MarshalBinary gives the data back")
}

// BenchmarkLoad measures a cold load: opening the embedded data in place.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := parse(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadLookups opens the embedded data and makes the lookups of a
// short English text, as a process augmenting one row does.
func BenchmarkLoadLookups(b *testing.B) {
	words := [][2]string{{"lost", "VBD"}, {"card", "NN"}, {"yesterday", "NN"}, {"help", "VB"},
		{"transfer", "NN"}, {"pending", "JJ"}, {"quickly", "RB"}, {"rose", "VBD"}}
	for b.Loop() {
		wn, err := parse()
		if err != nil {
			b.Fatal(err)
		}
		for _, w := range words {
			_ = wn.Synonyms(w[0], w[1])
		}
	}
}

func ExampleEnglish() {
	wn, err := English()
	if err != nil {
		panic(err)
	}
	fmt.Println(wn.Synonyms("rose", "VBD"))
	fmt.Println(wn.Synonyms("book", "VB"))
	fmt.Println(wn.Synonyms("book", "NN"))
	fmt.Println(wn.Synonyms("John", "NNP"))
	// Output:
	// [arose came up climbed got up lifted moved up stood up went up]
	// [hold reserve]
	// [record volume]
	// []
}
