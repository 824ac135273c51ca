package eval

import (
	"slices"
	"strconv"
	"strings"

	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/tokenize"
)

// MainArmName names the main recipe (that of the command line) apart from
// the other arms: its name, with its back-translation backend, and
// " (flags)" when another arm has that name already.
func MainArmName(main recipe.Recipe, arms []*Arm) string {
	name := main.Name
	if b := main.Backtranslate.Backend; b != "" {
		if len(main.Ops) == 0 {
			name = "back-translation (" + b + ")"
		} else {
			name += " + back-translation (" + b + ")"
		}
	}
	if slices.ContainsFunc(arms, func(a *Arm) bool { return a.Name == name }) {
		name += " (flags)"
	}
	return name
}

// NamedRecipe is a recipe with the name of its arm.
type NamedRecipe struct {
	Name   string
	Recipe recipe.Recipe
}

// Ablation returns the arms of an ablation of main: each of its operations
// alone, then its back-translation alone (when it has both).
func Ablation(main recipe.Recipe) []NamedRecipe {
	var out []NamedRecipe
	for _, op := range main.Ops {
		r := main
		r.Ops = []string{op}
		r.Weights = nil
		r.Backtranslate = recipe.BT{}
		out = append(out, NamedRecipe{main.Name + ": " + op + " only", r})
	}
	if main.Backtranslate.Backend != "" && len(main.Ops) > 0 {
		r := main
		r.Ops = nil
		out = append(out, NamedRecipe{main.Name + ": back-translation only", r})
	}
	return out
}

// ParseSeeds reads --seeds: distinct non-negative integers, comma
// separated, written without sign or leading zeros.
func ParseSeeds(s string) ([]int, error) {
	var seeds []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 || strconv.Itoa(n) != f {
			return nil, recipe.Usagef("--seeds: %q is not a non-negative integer without sign or leading zeros", f)
		}
		if slices.Contains(seeds, n) {
			return nil, recipe.Usagef("--seeds: %d given twice", n)
		}
		seeds = append(seeds, n)
	}
	if len(seeds) == 0 {
		return nil, recipe.Usagef("--seeds: give at least one")
	}
	return seeds, nil
}

// Language is "zh" when most texts of ex are Chinese, else "en".
func Language(ex []Example) string {
	zh := 0
	for _, e := range ex {
		if tokenize.Language(e.Text) == "zh" {
			zh++
		}
	}
	if 2*zh > len(ex) {
		return "zh"
	}
	return "en"
}
