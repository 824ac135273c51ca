package recipe

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Why: the canonical form identifies a sharded run's recipe. It must not
// depend on how the recipe was named or where its caches live, and must
// tell apart settings that change the variants.
func TestCanonical(t *testing.T) {
	canon := func(r Recipe) string {
		b, err := r.Canonical()
		require.NoError(t, err)
		return string(b)
	}
	intent, ok := Preset("intent")
	require.True(t, ok)
	eda, ok := Preset("eda")
	require.True(t, ok)
	base := canon(intent)
	assert.Equal(t, base, canon(intent), "stable")

	same := intent
	same.Name, same.Description, same.K = "mine", "edited", intent.K+3
	same.Backtranslate.Cache, same.Backtranslate.Rate, same.LLM.Timeout = "/tmp/x.db", 10, "5s"
	same.Labels.StatsOut = "stats.json"
	assert.Equal(t, base, canon(same), "name, k, caches, rates and outputs do not count")

	assert.NotEqual(t, base, canon(eda), "another preset")
	other := intent
	other.Alpha += 0.05
	assert.NotEqual(t, base, canon(other), "another alpha")
	other = intent
	other.Rates = map[string]float64{"swap": 0.2, "delete": 0.1}
	again := intent
	again.Rates = map[string]float64{"delete": 0.1, "swap": 0.2}
	assert.Equal(t, canon(other), canon(again), "map order does not count")
}
