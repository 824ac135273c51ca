package memtest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

var sink [][]byte

// PeakLive sees what f holds while it runs, and nothing it does not.
func TestPeakLiveSeesWhatIsHeld(t *testing.T) {
	peak := PeakLive(func() {
		for range 64 {
			sink = append(sink, make([]byte, 256<<10)) // 16 MiB, held to the end
		}
		time.Sleep(20 * time.Millisecond) // the sampler reads the last collection's figure
	})
	sink = nil
	assert.GreaterOrEqual(t, peak, uint64(12<<20), "16 MiB held (less what the last collection had not seen)")
	assert.Less(t, peak, uint64(32<<20))
	idle := PeakLive(func() { time.Sleep(5 * time.Millisecond) })
	assert.Less(t, idle, uint64(1<<20), "nothing held")
}
