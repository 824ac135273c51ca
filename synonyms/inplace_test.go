package synonyms

import (
	"encoding/binary"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readListTable(t *testing.T, b []byte) listTable {
	t.Helper()
	r := &reader{data: string(b)}
	lt := r.listTable()
	require.NoError(t, r.err)
	require.Equal(t, len(b), r.pos, "the table fills its encoding")
	return lt
}

func TestListTable(t *testing.T) {
	b := appendListTable(nil, map[string][]string{
		"better": {"good", "well"}, "children": {"child"}, "none": nil, "went": {"go"},
	})
	assert.Zero(t, len(b)%4, "padded to a multiple of four")
	lt := readListTable(t, b)
	require.NoError(t, lt.check())
	assert.Equal(t, 3, lt.keys(), "keys with empty lists are left out")
	var buf [4]string
	assert.Equal(t, []string{"good", "well"}, lt.appendList(buf[:0], "better"))
	assert.Equal(t, []string{"child"}, lt.appendList(nil, "children"))
	assert.Equal(t, []string{"go"}, lt.appendList(nil, "went"))
	for _, missing := range []string{"", "a", "bet", "betters", "none", "zzz"} {
		_, _, ok := lt.find(missing)
		assert.False(t, ok, missing)
		assert.Empty(t, lt.appendList(nil, missing), missing)
	}
	var zero listTable
	_, _, ok := zero.find("better")
	assert.False(t, ok)
	assert.Zero(t, zero.keys())
}

func TestListTableCheck(t *testing.T) {
	good := appendListTable(nil, map[string][]string{"a": {"x", "y"}, "b": {"z"}})
	// Layout: K, V, 3 groups, 8 hash slots (their count at 20, the slots
	// from 24), 6 offsets (from 56), the text "axybz" (its length at 80,
	// the bytes from 84).
	set := func(at int, v uint32) []byte {
		c := slices.Clone(good)
		binary.LittleEndian.PutUint32(c[at:], v)
		return c
	}
	noSlots := slices.Clone(good)
	clear(noSlots[24:56])
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"group order", set(12, 9), "group 1 out of order or range"},
		{"groups left", set(16, 4), "strings left over"},
		{"offset order", set(64, 0), "string offset"},
		{"unsorted keys", append(good[:84:84], "bxyaz\x00\x00\x00"...), "key 1 (\"a\")"},
		{"unsorted list", append(good[:84:84], "ayxbz\x00\x00\x00"...), "list of \"a\" not sorted"},
		{"no list", set(12, 1), "without a list"},
		{"hash index", noSlots, "key 0 (\"a\"): not in the hash index"},
		{"hash size", append(append(slices.Clone(good[:20]), 1, 0, 0, 0, 0, 0, 0, 0), good[56:]...), "1 hash slots for 2 keys"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lt := readListTable(t, tc.data)
			assert.ErrorContains(t, lt.check(), tc.want)
			_ = lt.appendList(nil, "a") // corrupt, yet no panic
			_ = lt.appendList(nil, "b")
		})
	}
}

func TestU32sSpan(t *testing.T) {
	a := u32s(string(binary.LittleEndian.AppendUint32(binary.LittleEndian.AppendUint32(
		binary.LittleEndian.AppendUint32(nil, 2), 5), 3)))
	lo, hi, ok := a.span(0, 10)
	assert.Equal(t, []int{2, 5}, []int{lo, hi})
	assert.True(t, ok)
	for _, c := range []struct{ i, limit int }{{0, 4}, {1, 10}, {2, 10}, {-1, 10}} {
		lo, hi, ok := a.span(c.i, c.limit)
		assert.False(t, ok, c)
		assert.Equal(t, lo, hi, c)
	}
	assert.Equal(t, 1, a.ascending(2, 10))
	assert.Equal(t, 0, a.ascending(0, 10))
	assert.Equal(t, -1, a[:8].ascending(2, 10))
}
