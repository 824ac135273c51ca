package eval_test

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/eval"
)

var curve = []eval.Series{
	{Name: "baseline", Mean: []float64{0.41, 0.55, 0.68, 0.89}, Std: []float64{0.04, 0.03, 0.01, 0}},
	{Name: "EDA", Mean: []float64{0.47, 0.60, 0.70, 0.89}, Std: []float64{0.03, 0.02, 0.01, 0}},
	{Name: "no error bars", Mean: []float64{0.45, math.NaN(), 0.69, 0.88}},
}

func TestPlotCurvePNG(t *testing.T) {
	path := filepath.Join(t.TempDir(), "curve.png")
	require.NoError(t, eval.PlotCurve(path, "banking77", []string{"5", "10", "20", "full"}, curve))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Greater(t, img.Bounds().Dx(), 100)
	assert.Greater(t, img.Bounds().Dy(), 100)
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), fi.Mode().Perm())
	assertNoTemp(t, filepath.Dir(path))
}

func TestPlotCurveFormats(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, magic string }{
		{"curve.svg", "<?xml"},
		{"curve.pdf", "%PDF"},
		{"CURVE.PNG", "\x89PNG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			require.NoError(t, eval.PlotCurve(path, "t", []string{"a", "b", "c", "d"}, curve[:1]))
			b, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(string(b), tt.magic), "starts with %q", tt.magic)
		})
	}
}

func TestPlotCurveReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "curve.png")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o644))
	require.NoError(t, eval.PlotCurve(path, "t", []string{"1", "2", "3", "4"}, curve))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	_, err = png.Decode(bytes.NewReader(b))
	assert.NoError(t, err)
}

func TestPlotCurveErrors(t *testing.T) {
	dir := t.TempDir()
	sizes := []string{"1", "2", "3", "4"}
	tests := []struct {
		name   string
		path   string
		sizes  []string
		series []eval.Series
		want   string
	}{
		{"format", "curve.gif", sizes, curve, `unsupported format ".gif" (want .png, .svg or .pdf)`},
		{"no extension", "curve", sizes, curve, `unsupported format ""`},
		{"no sizes", "curve.png", nil, curve, "no sizes"},
		{"no series", "curve.png", sizes, nil, "no series"},
		{"short means", "curve.png", sizes, []eval.Series{{Name: "s", Mean: []float64{1}}}, `series "s" has 1 means for 4 sizes`},
		{"short stds", "curve.png", sizes, []eval.Series{{Name: "s", Mean: []float64{1, 1, 1, 1}, Std: []float64{0}}}, `series "s" has 1 standard deviations for 4 sizes`},
		{"missing directory", filepath.Join("missing", "curve.png"), sizes, curve, "no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.path)
			err := eval.PlotCurve(path, "t", tt.sizes, tt.series)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "eval: plot "+path+": "), err.Error())
			_, statErr := os.Stat(path)
			assert.True(t, os.IsNotExist(statErr), "nothing written")
		})
	}
	assertNoTemp(t, dir)
}

// assertNoTemp checks that no temporary file is left in dir.
func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.NotContains(t, e.Name(), ".tmp", "temporary file left behind")
	}
}
