package pipeline

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/textaug"
)

// prepareLabels gives c the corpus statistics its recipe uses (anchors,
// label-swap) when the input has labels: read from the recipe's
// labels.stats file, or learned in a pass over every input file on the
// driver, as the CLI's first pass does, so that the workers protect the
// same anchors and entities as `textaug augment`. Balancing and the
// consistency filter need the whole corpus on every worker and are the
// CLI's only: asked for here, they are an error rather than ignored.
func (c *Config) prepareLabels(ctx context.Context, fs filesystem.Interface, files []string, cf corpus.Format) error {
	L := c.Recipe.Labels
	if L.Balance != 0 || L.Filter {
		return errors.New("labels.balance and labels.filter are not supported by the Beam pipeline; use textaug augment")
	}
	if !L.Anchors && !slices.Contains(c.Recipe.Ops, "label-swap") || c.LabelField == "" {
		return nil
	}
	var stats *textaug.CorpusStats
	if L.Stats != "" {
		rc, err := fs.OpenRead(ctx, L.Stats)
		if err != nil {
			return err
		}
		defer rc.Close()
		if stats, err = textaug.ReadStats(rc, L.Stats); err != nil {
			return err
		}
	} else {
		b := L.Builder(c.Recipe.Ops)
		b.Tokenizer = c.Recipe.Tokenizer()
		for _, f := range files {
			if err := c.learn(ctx, fs, f, cf, b); err != nil {
				return err
			}
		}
		stats = b.Stats()
	}
	var sb strings.Builder
	if _, err := stats.WriteTo(&sb); err != nil {
		return err
	}
	c.Stats = sb.String()
	return nil
}

// learn adds the rows of one input file to b.
func (c *Config) learn(ctx context.Context, fs filesystem.Interface, file string, cf corpus.Format, b *textaug.StatsBuilder) error {
	in, closeIn, err := openFile(ctx, fs, file)
	if err != nil {
		return err
	}
	defer closeIn()
	r, err := corpus.NewReader(in, corpus.ReaderOptions{Format: cf, Name: file, TextField: c.TextField, LabelField: c.LabelField})
	if err != nil {
		return err
	}
	_, err = augment.CorpusPass(ctx, r, augment.PassOptions{Stats: b})
	return err
}

// withStats returns eng with the label Samplers of cfg's statistics, or
// eng when it has none.
func withStats(eng *augment.Engine, cfg Config) (*augment.Engine, error) {
	if cfg.Stats == "" {
		return eng, nil
	}
	stats, err := textaug.ReadStats(strings.NewReader(cfg.Stats), "config")
	if err != nil {
		return nil, err
	}
	return eng.WithLabels(&augment.LabelSamplers{Words: cfg.Recipe.LabelWords(stats)}), nil
}
