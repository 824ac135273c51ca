package eval

import (
	"context"
	"fmt"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
)

// Example is one labelled row.
type Example struct{ Text, Label string }

// Columns returns the texts and the labels of ex, in newly allocated
// slices.
func Columns(ex []Example) (texts, labels []string) {
	texts = make([]string, len(ex))
	labels = make([]string, len(ex))
	for i, e := range ex {
		texts[i], labels[i] = e.Text, e.Label
	}
	return texts, labels
}

// pickRows returns the rows of ex at idx.
func pickRows(ex []Example, idx []int) []Example {
	out := make([]Example, len(idx))
	for i, j := range idx {
		out[i] = ex[j]
	}
	return out
}

// Arm is one way of building training data: a recipe, no augmentation
// (the training subset alone), or the copy control (each row of the subset
// followed by k copies of itself). An Arm is safe for concurrent use once
// built; Close releases it.
type Arm struct {
	// Name labels the arm in every table.
	Name string
	// Recipe is nil for no augmentation and for the copy control.
	Recipe *recipe.Recipe
	// Labelled, when set, makes the variants of labelled rows for a
	// recipe that works by label (anchors, label-swap, balancing, filter:
	// learnt from the rows themselves); nil samples the texts alone.
	Labelled func(ctx context.Context, eng *augment.Engine, texts, labels []string, seed uint64) ([]textaug.Result, error)

	copies int             // the copy control's k; 0 otherwise
	eng    *augment.Engine // nil without a recipe
}

// NoAugmentation is the arm that trains on the subset alone.
func NoAugmentation(name string) *Arm { return &Arm{Name: name} }

// Copy is the copy control: every row of the subset followed by k copies
// of itself, the training set of an augmenter with k variants that
// changes no word. It re-weights the data as augmentation does (k+1 rows
// per source row, and so a k+1 times weaker regularisation at the same C)
// and adds nothing else, so a recipe's gain over Copy is what its changes
// to the words bring. k must be positive.
func Copy(name string, k int) *Arm { return &Arm{Name: name, copies: max(1, k)} }

// IsCopy reports whether a is the copy control.
func (a *Arm) IsCopy() bool { return a.copies > 0 }

// NewArm builds the augmentation engine of r; the arm must be closed.
func NewArm(name string, r recipe.Recipe) (*Arm, error) {
	eng, err := augment.New(r, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Arm{Name: name, Recipe: &r, eng: eng}, nil
}

// Close releases the arm's translation cache, if any.
func (a *Arm) Close() error {
	if a.eng == nil {
		return nil
	}
	return a.eng.Close()
}

// K is the number of variants (or copies) per row, 0 without
// augmentation.
func (a *Arm) K() int {
	if a.Recipe == nil {
		return a.copies
	}
	return a.Recipe.K
}

// augmented is a training set: rows and their variants.
type augmented struct {
	texts, labels []string
	// sources[i] is the index of row i's source row; nil when every row
	// is an original.
	sources []int
	// copies > 0 makes every row stand for 1+copies identical rows: the
	// copy control, trained as if the rows were repeated (see train).
	copies    int
	variants  int
	shortfall int
}

// augmentRows returns rows followed by the variants a makes of each with
// seed (without augmentation, rows alone; for the copy control, rows
// counted 1+k times), and the variants of each row (nil without a
// recipe). Deterministic: variants depend on the seed
// and the text only.
func (a *Arm) augmentRows(ctx context.Context, rows []Example, seed int) (augmented, [][]string, error) {
	if a.Recipe == nil {
		texts, labels := Columns(rows)
		return augmented{texts: texts, labels: labels, copies: a.copies, variants: len(rows) * a.copies}, nil, nil
	}
	vars, short, err := a.variants(ctx, rows, seed)
	if err != nil {
		return augmented{}, nil, err
	}
	out := assemble(rows, vars)
	out.shortfall = short
	return out, vars, nil
}

// assemble returns rows followed by their variants.
func assemble(rows []Example, vars [][]string) augmented {
	n := len(rows)
	for _, vs := range vars {
		n += len(vs)
	}
	out := augmented{texts: make([]string, 0, n), labels: make([]string, 0, n), sources: make([]int, 0, n)}
	for i, e := range rows {
		out.texts, out.labels, out.sources = append(out.texts, e.Text), append(out.labels, e.Label), append(out.sources, i)
	}
	for i, vs := range vars {
		for _, v := range vs {
			out.texts, out.labels, out.sources = append(out.texts, v), append(out.labels, rows[i].Label), append(out.sources, i)
		}
		out.variants += len(vs)
	}
	return out
}

// variants returns the variants of each row, and the number missing; a
// must have a recipe.
func (a *Arm) variants(ctx context.Context, rows []Example, seed int) ([][]string, int, error) {
	texts, labels := Columns(rows)
	var results []textaug.Result
	var err error
	if a.Labelled != nil {
		results, err = a.Labelled(ctx, a.eng.WithSeed(uint64(seed)), texts, labels, uint64(seed))
	} else {
		results, err = a.eng.WithSeed(uint64(seed)).Sample(ctx, texts)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", a.Name, err)
	}
	out := make([][]string, len(rows))
	short := 0
	for i, res := range results {
		for _, v := range res.Variants {
			out[i] = append(out[i], v.Text)
		}
		short += res.Shortfall
	}
	return out, short, nil
}
