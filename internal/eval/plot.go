package eval

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
)

// Series is one line of a learning curve: Mean[i] and Std[i] are the mean
// and standard deviation of the metric at the i-th training size. Std may
// be nil (no error bars); otherwise it must be as long as Mean. A point whose
// mean is NaN or infinite (a size not run) is skipped, and the line joins
// its neighbours.
type Series struct {
	Name      string
	Mean, Std []float64
}

// Plot size.
const (
	plotWidth  = 16 * vg.Centimeter
	plotHeight = 10 * vg.Centimeter
)

// PlotCurve draws accuracy against training size, one line with points and
// ±Std error bars per series, and writes it to path. The format follows the
// extension of path: .png, .svg or .pdf. sizes labels the x axis, one
// evenly spaced category per size ("50", "100", "full"); each series must
// have one value per size. Series are told apart by colour and marker, in
// order, and shifted slightly sideways so that their error bars do not
// overlap; the legend, in the upper left corner, names them. The y axis is
// labelled "accuracy" but any score in the same units can be drawn.
//
// The file is written atomically: the plot goes to a temporary file in the
// same directory, which is then renamed to path, so that path never holds
// a partial image.
func PlotCurve(path, title string, sizes []string, series []Series) error {
	format := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	switch format {
	case "png", "svg", "pdf":
	default:
		return fmt.Errorf("eval: plot %s: unsupported format %q (want .png, .svg or .pdf)", path, filepath.Ext(path))
	}
	if len(sizes) == 0 {
		return fmt.Errorf("eval: plot %s: no sizes", path)
	}
	if len(series) == 0 {
		return fmt.Errorf("eval: plot %s: no series", path)
	}
	for _, s := range series {
		if len(s.Mean) != len(sizes) {
			return fmt.Errorf("eval: plot %s: series %q has %d means for %d sizes", path, s.Name, len(s.Mean), len(sizes))
		}
		if s.Std != nil && len(s.Std) != len(sizes) {
			return fmt.Errorf("eval: plot %s: series %q has %d standard deviations for %d sizes", path, s.Name, len(s.Std), len(sizes))
		}
	}

	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "training size"
	p.Y.Label.Text = "accuracy"
	p.NominalX(sizes...)
	p.X.Min, p.X.Max = -0.5, float64(len(sizes))-0.5
	// Learning curves rise from the lower left: the upper left is free.
	p.Legend.Top = true
	p.Legend.Left = true
	p.Add(plotter.NewGrid())

	const spread = 0.15 // total sideways shift across the series
	for n, s := range series {
		dx := 0.0
		if len(series) > 1 {
			dx = spread * (float64(n)/float64(len(series)-1) - 0.5)
		}
		var pts curvePoints
		for i, m := range s.Mean {
			if math.IsNaN(m) || math.IsInf(m, 0) {
				continue
			}
			e := 0.0
			if s.Std != nil && !math.IsNaN(s.Std[i]) && !math.IsInf(s.Std[i], 0) {
				e = math.Abs(s.Std[i])
			}
			pts = append(pts, curvePoint{x: float64(i) + dx, y: m, err: e})
		}
		if len(pts) == 0 {
			continue
		}
		line, scatter, err := plotter.NewLinePoints(pts)
		if err != nil {
			return fmt.Errorf("eval: plot %s: series %q: %w", path, s.Name, err)
		}
		c := plotutil.Color(n)
		line.Color = c
		line.Width = vg.Points(1.5)
		scatter.Color = c
		scatter.Shape = plotutil.Shape(n)
		scatter.Radius = vg.Points(3)
		p.Add(line, scatter)
		if s.Std != nil {
			bars, err := plotter.NewYErrorBars(pts)
			if err != nil {
				return fmt.Errorf("eval: plot %s: series %q: %w", path, s.Name, err)
			}
			bars.Color = c
			bars.Width = vg.Points(1)
			p.Add(bars)
		}
		p.Legend.Add(s.Name, line, scatter)
	}

	w, err := p.WriterTo(plotWidth, plotHeight, format)
	if err != nil {
		return fmt.Errorf("eval: plot %s: %w", path, err)
	}
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		return fmt.Errorf("eval: plot %s: %w", path, err)
	}
	return writeFileAtomic("plot", path, buf.Bytes())
}

// curvePoints is a series' points with symmetric y errors; it implements
// plotter.XYer and plotter.YErrorer.
type curvePoints []curvePoint

type curvePoint struct{ x, y, err float64 }

func (c curvePoints) Len() int                         { return len(c) }
func (c curvePoints) XY(i int) (x, y float64)          { return c[i].x, c[i].y }
func (c curvePoints) YError(i int) (low, high float64) { return c[i].err, c[i].err }

// writeFileAtomic writes data to a temporary file beside path and renames
// it to path. The file gets mode 0644. Errors read "eval: what path: ...".
func writeFileAtomic(what, path string, data []byte) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return fmt.Errorf("eval: %s %s: %w", what, path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			err = fmt.Errorf("eval: %s %s: %w", what, path, err)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
