package tokenize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// isUpper is strings.ToUpper(w) == w without the copy.
func TestIsUpper(t *testing.T) {
	for _, w := range []string{"", "A", "ATM", "Atm", "atm", "PIN2", "ÉTÉ", "été", "ǅ", "Ǆ", "ß", "ΣΑΣ", "Σας", "卡", "\xff", "İ", "ﬀ"} {
		assert.Equal(t, strings.ToUpper(w) == w, isUpper(w), "%q", w)
	}
}
