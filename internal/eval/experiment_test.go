package eval_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/eval"
	"github.com/textaug/textaug/internal/recipe"
)

// readFixture reads one of the repository's eval fixtures.
func readFixture(t *testing.T, name string) []eval.Example {
	t.Helper()
	f, err := os.Open("../../testdata/eval/" + name + ".jsonl")
	require.NoError(t, err)
	defer f.Close()
	var out []eval.Example
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var row struct{ Text, Label string }
		require.NoError(t, json.Unmarshal(sc.Bytes(), &row))
		out = append(out, eval.Example{Text: row.Text, Label: row.Label})
	}
	require.NoError(t, sc.Err())
	return out
}

// fixtureExperiment is the fixture with none, copy and a recipe.
func fixtureExperiment(t *testing.T, seeds ...int) *eval.Experiment {
	t.Helper()
	r, ok := recipe.Preset("eda")
	require.True(t, ok)
	r.K = 4
	a, err := eval.NewArm("eda", r)
	require.NoError(t, err)
	t.Cleanup(func() { a.Close() })
	return &eval.Experiment{
		Train: readFixture(t, "train"), Test: readFixture(t, "test"),
		Seeds: seeds, Pick: eval.LRS, Size: 4, Workers: 2,
		Arms: []*eval.Arm{eval.NoAugmentation("none"), eval.Copy("copy", 4), a},
	}
}

// The copy control trains on every row and k copies of it: its training
// set has (1+k) rows per row and changes no word.
func TestCopyArm(t *testing.T) {
	x := fixtureExperiment(t, 1, 2)
	scores, err := x.Score(context.Background())
	require.NoError(t, err)
	none, cp, eda := scores[0], scores[1], scores[2]
	assert.True(t, cp.Arm.IsCopy())
	assert.False(t, none.Arm.IsCopy())
	assert.Equal(t, 4, cp.Arm.K())
	assert.Equal(t, []int{16, 16}, none.TrainRows, "4 labels × 4 rows")
	assert.Equal(t, []int{80, 80}, cp.TrainRows, "16 rows × (1 + 4 copies)")
	assert.Equal(t, 2*64, cp.Variants)
	// Gains: copy against none; the recipe against none and copy; none
	// against nothing.
	assert.Equal(t, 0, none.OverNone.N)
	assert.Equal(t, 0, none.OverCopy.N)
	assert.Equal(t, 2, cp.OverNone.N)
	assert.Equal(t, 0, cp.OverCopy.N)
	assert.Equal(t, 2, eda.OverCopy.N)
	assert.InDelta(t, 100*((eda.Acc[0]-cp.Acc[0])+(eda.Acc[1]-cp.Acc[1]))/2, eda.OverCopy.Mean, 1e-9)

	// The copy control has no variants to judge for label preservation.
	pres, err := x.Preservation(context.Background(), 8)
	require.NoError(t, err)
	require.Len(t, pres.Arms, 1)
	assert.Equal(t, "eda", pres.Arms[0].Name)

	lines := eval.ScoreLines(scores)
	assert.Equal(t, []string{"training data", "k", "train rows", "accuracy %", "macro-F1 %", "acc. gain over none", "acc. gain over copy", "F1 gain over copy"}, lines[0])
	assert.Equal(t, "copy", lines[2][0])
	assert.Equal(t, "4", lines[2][1])
	assert.Equal(t, "80", lines[2][2])
}

// Scores depend on the fields only: not on the workers, nor on the
// memory budget that schedules the trainings.
func TestScoreIndependentOfWorkersAndBudget(t *testing.T) {
	ref := fixtureExperiment(t, 1, 2, 3)
	want, err := ref.Score(context.Background())
	require.NoError(t, err)
	for _, c := range []struct {
		workers int
		budget  int64
	}{{1, 0}, {3, 1}, {2, 1 << 20}} {
		x := fixtureExperiment(t, 1, 2, 3)
		x.Workers, x.MemoryBudget = c.workers, c.budget
		got, err := x.Score(context.Background())
		require.NoError(t, err)
		for i := range want {
			assert.Equal(t, want[i].Acc, got[i].Acc, "%+v", c)
			assert.Equal(t, want[i].F1, got[i].F1, "%+v", c)
		}
	}
}

func TestPaired(t *testing.T) {
	// Differences 2, 3, 1 points: mean 2, std 1, 95% half-width
	// t(2)·1/√3 = 2.48, so the interval contains 0.
	p := eval.Pair([]float64{0.52, 0.55, 0.50}, []float64{0.50, 0.52, 0.49})
	assert.Equal(t, 3, p.N)
	assert.InDelta(t, 2, p.Mean, 1e-9)
	assert.InDelta(t, 1, p.Std, 1e-9)
	assert.InDelta(t, 4.303/1.7320508, p.HalfWidth, 1e-3)
	assert.True(t, p.Noise())
	assert.Equal(t, "+2.00 ± 1.00 ~", p.String())

	// Differences 2, 3, 2, 3, 2.5: half-width 2.776·0.5/√5 = 0.62.
	p = eval.Pair([]float64{0.02, 0.03, 0.02, 0.03, 0.025}, make([]float64, 5))
	assert.InDelta(t, 2.5, p.Mean, 1e-9)
	assert.False(t, p.Noise())
	assert.Equal(t, "+2.50 ± 0.50", p.String())

	assert.True(t, eval.Pair([]float64{0.6}, []float64{0.5}).Noise(), "one seed tells nothing")
	assert.Equal(t, "", eval.Pair(nil, nil).String())
}
