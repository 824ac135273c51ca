package eval

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/textaug/textaug/internal/recipe"
)

// gridAxis is one key=v1,v2,... of --grid.
type gridAxis struct {
	key  string
	vals []string
}

// parseGrid splits a --grid spec into its axes, in the order given.
func parseGrid(spec string) ([]gridAxis, error) {
	var axes []gridAxis
	for _, part := range strings.Fields(spec) {
		key, vals, ok := strings.Cut(part, "=")
		if !ok || vals == "" {
			return nil, recipe.Usagef("--grid: %q: want key=v1,v2,... (keys alpha, k, ops)", part)
		}
		switch key {
		case "alpha", "k", "ops", "chain":
		default:
			return nil, recipe.Usagef("--grid: unknown key %q (have alpha, k, ops, chain)", key)
		}
		if slices.ContainsFunc(axes, func(a gridAxis) bool { return a.key == key }) {
			return nil, recipe.Usagef("--grid: %s given twice", key)
		}
		axes = append(axes, gridAxis{key, strings.Split(vals, ",")})
	}
	if len(axes) == 0 {
		return nil, recipe.Usagef("--grid: empty")
	}
	return axes, nil
}

// GridPoints expands a --grid spec over base: the cartesian product of
// alpha=..., k=... and ops=... (ops joined with +), in the order given.
// The first points are no augmentation and the copy control (k of base).
func GridPoints(spec string, base recipe.Recipe) ([]GridPoint, error) {
	axes, err := parseGrid(spec)
	if err != nil {
		return nil, err
	}
	points := []GridPoint{{Name: "none"}, {Name: "copy", Copies: base.K}}
	var walk func(i int, r recipe.Recipe, name []string) error
	walk = func(i int, r recipe.Recipe, name []string) error {
		if i == len(axes) {
			r.Name = strings.Join(name, " ")
			if err := r.Validate(); err != nil {
				return recipe.Usage(fmt.Errorf("--grid: %w", err))
			}
			points = append(points, GridPoint{Name: r.Name, Recipe: &r})
			return nil
		}
		for _, v := range axes[i].vals {
			v = strings.TrimSpace(v)
			c, err := setGridValue(r, axes[i].key, v)
			if err != nil {
				return err
			}
			if err := walk(i+1, c, append(slices.Clone(name), axes[i].key+"="+v)); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(0, base, nil); err != nil {
		return nil, err
	}
	return points, nil
}

// setGridValue returns r with the grid key set to v.
func setGridValue(r recipe.Recipe, key, v string) (recipe.Recipe, error) {
	switch key {
	case "alpha":
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return r, recipe.Usagef("--grid: alpha=%q: not a number", v)
		}
		r.Alpha, r.Rates = f, nil
	case "k":
		k, err := strconv.Atoi(v)
		if err != nil {
			return r, recipe.Usagef("--grid: k=%q: not an integer", v)
		}
		r.K = k
	case "ops":
		switch v {
		case "eda":
			r.Ops = recipe.EDAOps()
		default:
			r.Ops = strings.Split(v, "+")
		}
		r.Weights = nil
	case "chain":
		b, err := strconv.ParseBool(v)
		if err != nil {
			return r, recipe.Usagef("--grid: chain=%q: want true or false", v)
		}
		r.Chain = b
	}
	return r, nil
}

// ParseSizes reads --sizes, the training sizes of a learning curve:
// positive integers, or full (0).
func ParseSizes(spec string) ([]int, error) {
	var sizes []int
	for _, s := range strings.Split(spec, ",") {
		s = strings.TrimSpace(s)
		if s == "full" {
			sizes = append(sizes, 0)
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return nil, recipe.Usagef("--sizes: %q: want a positive integer or full", s)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}
