package augment

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type keyed struct{ key, label string }

func balanceRows() []keyed {
	var rows []keyed
	for i := range 3 {
		rows = append(rows, keyed{fmt.Sprintf("small %d", i), "small"})
	}
	for i := range 10 {
		rows = append(rows, keyed{fmt.Sprintf("large %d", i), "large"})
	}
	for i := range 5 {
		rows = append(rows, keyed{fmt.Sprintf("mid %d", i), "mid"})
	}
	return rows
}

func plan(b Balance, seed uint64, rows []keyed) BalancePlan {
	in := BalanceInput{Seed: seed}
	for _, r := range rows {
		in.Add(r.key, r.label)
	}
	return b.Plan(&in)
}

// sumK adds the k of every row by label.
func sumK(p BalancePlan, rows []keyed) map[string]int {
	m := map[string]int{}
	for _, r := range rows {
		m[r.label] += p.K(r.key, r.label)
	}
	return m
}

func TestBalancePlan(t *testing.T) {
	rows := balanceRows()
	for _, c := range []struct {
		name string
		b    Balance
		want map[string]int // variants per label
		cap  map[string]bool
	}{
		{"to the largest", Balance{}, map[string]int{"small": 7, "mid": 5, "large": 0}, nil},
		{"to 20", Balance{Target: 20}, map[string]int{"small": 17, "mid": 15, "large": 10}, nil},
		{"to 4", Balance{Target: 4}, map[string]int{"small": 1, "mid": 0, "large": 0}, nil},
		{"capped", Balance{Target: 20, MaxK: 2}, map[string]int{"small": 6, "mid": 10, "large": 10}, map[string]bool{"small": true, "mid": true}},
		{"cap exact", Balance{Target: 9, MaxK: 2}, map[string]int{"small": 6, "mid": 4, "large": 0}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := plan(c.b, 7, rows)
			assert.Equal(t, c.want, sumK(p, rows))
			for _, lp := range p.Labels {
				assert.Equal(t, c.want[lp.Label], lp.Variants, lp.Label)
				assert.Equal(t, c.cap[lp.Label], lp.Capped, lp.Label)
			}
			assert.Equal(t, []string{"large", "mid", "small"}, []string{p.Labels[0].Label, p.Labels[1].Label, p.Labels[2].Label})
			assert.Zero(t, p.K("x", "no such label"))
		})
	}
}

// The plan is a function of the rows and the seed: shuffling the rows
// changes nothing; another seed moves the remainder to other rows.
func TestBalancePlanOrder(t *testing.T) {
	rows := balanceRows()
	want := plan(Balance{Target: 20}, 1, rows)
	r := rand.New(rand.NewPCG(3, 4))
	for range 5 {
		r.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
		got := plan(Balance{Target: 20}, 1, rows)
		for _, row := range rows {
			require.Equal(t, want.K(row.key, row.label), got.K(row.key, row.label), row.key)
		}
	}
	other := plan(Balance{Target: 20}, 2, rows)
	differ := 0
	for _, row := range rows {
		if other.K(row.key, row.label) != want.K(row.key, row.label) {
			differ++
		}
	}
	assert.Positive(t, differ)
	assert.Equal(t, sumK(want, rows), sumK(other, rows))
}

// Rows of equal text tie and get the same k, so a label may get a little
// more than planned: the plan counts it.
func TestBalancePlanTies(t *testing.T) {
	rows := []keyed{{"same", "a"}, {"same", "a"}, {"other", "a"}, {"b1", "b"}, {"b2", "b"}, {"b3", "b"}, {"b4", "b"}}
	p := plan(Balance{}, 0, rows)
	assert.Equal(t, p.Labels[0].Variants, sumK(p, rows)["a"])
	assert.Equal(t, p.K("same", "a"), p.K("same", "a"))
	assert.True(t, strings.HasPrefix(p.Labels[0].Label, "a"))
}
