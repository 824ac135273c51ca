package augment

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
)

// WriteStatsFile writes the corpus statistics to path atomically (a
// temporary file in the same directory, renamed on success). Its errors
// name the --stats-out flag, which is where path comes from.
func WriteStatsFile(path string, s *textaug.CorpusStats) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".textaug-stats-*")
	if err != nil {
		return fmt.Errorf("--stats-out: %w", err)
	}
	defer os.Remove(f.Name()) // after a successful rename, nothing is left to remove
	if _, err := s.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("--stats-out %s: %w", path, err)
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return fmt.Errorf("--stats-out %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("--stats-out %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("--stats-out: %w", err)
	}
	return nil
}

// ReadStatsFile reads a statistics file written by [WriteStatsFile] (the
// --stats flag).
func ReadStatsFile(path string) (*textaug.CorpusStats, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--stats: %w", err)
	}
	defer f.Close()
	return textaug.ReadStats(f, path)
}

// Spool copies stdin to a temporary file, so that a corpus read from
// stdin can be read twice (the corpus pass, then augmenting) without being
// held in memory. remove deletes the file.
func Spool(stdin io.Reader) (path string, remove func(), err error) {
	f, err := os.CreateTemp("", "textaug-stdin-*")
	if err != nil {
		return "", nil, fmt.Errorf("spooling stdin: %w", err)
	}
	remove = func() { os.Remove(f.Name()) }
	if _, err := io.Copy(f, stdin); err != nil {
		f.Close()
		remove()
		return "", nil, fmt.Errorf("spooling stdin: %w", err)
	}
	if err := f.Close(); err != nil {
		remove()
		return "", nil, fmt.Errorf("spooling stdin: %w", err)
	}
	return f.Name(), remove, nil
}

// OpenTwice opens the spooled stdin at path twice: one reader for the
// corpus pass, one for augmenting. On error nothing is left open.
func OpenTwice(path string) ([2]*os.File, error) {
	var f [2]*os.File
	for i := range f {
		var err error
		if f[i], err = os.Open(path); err != nil {
			if i == 1 {
				f[0].Close()
			}
			return f, fmt.Errorf("spooled stdin: %w", err)
		}
	}
	return f, nil
}

// NeedsLabels is the usage error of settings that need labels
// (balancing, the filter, --stats-out) on a corpus without them; nil when
// none of them was asked for.
func NeedsLabels(L recipe.Labels) error {
	if L.Balance != 0 || L.Filter || L.StatsOut != "" {
		return recipe.Usagef("--balance, --filter and --stats-out need a corpus with labels (a label column or field; see --label)")
	}
	return nil
}

// LabelAware reports whether rec does anything by label, that is whether
// a run of rec needs a corpus pass or reads statistics.
func LabelAware(rec recipe.Recipe) bool {
	return rec.Labels.Pass(rec.Ops) || rec.Labels.Stats != ""
}

// NewPassOptions says what a corpus pass of rec collects; learn asks for
// the statistics (unless rec's labels settings read them from a file),
// and train is the classifier of the consistency filter.
func NewPassOptions(rec recipe.Recipe, seed uint64, learn bool, train Trainer) PassOptions {
	L := rec.Labels
	opt := PassOptions{Seed: seed}
	if learn && L.Stats == "" {
		opt.Stats = L.Builder(rec.Ops)
		opt.Stats.Tokenizer = rec.Tokenizer()
	}
	if L.Balance != 0 {
		opt.Balance = &Balance{Target: max(L.Balance, 0), MaxK: L.MaxK}
	}
	if L.Filter {
		opt.Filter = &Filter{Train: train}
	}
	if slices.Contains(rec.Ops, "generate") {
		opt.Examples = GenerateExamples
	}
	return opt
}

// GenerateExamples is how many texts of each label the corpus pass keeps
// for generate's prompt; with the row itself, generate shows at most its
// Examples (8) of them.
const GenerateExamples = 7

// PassInput is the corpus a corpus pass reads: a file, or stdin when
// Path is "-", in the given encoding and format.
type PassInput struct {
	Path                  string
	Stdin                 io.Reader
	Encoding              corpus.Encoding
	Format                corpus.Format
	TextField, LabelField string
}

// CorpusPassInput reads in once for the statistics (when opt asks for
// them), the balancing plan and the filter, then reads the statistics
// file of rec's labels settings if it names one. It returns nil when the
// corpus has no label column and nothing was asked that needs one.
func CorpusPassInput(ctx context.Context, in PassInput, rec recipe.Recipe, opt PassOptions) (*Labels, error) {
	L := rec.Labels
	f, err := corpus.OpenInput(in.Path, in.Stdin, in.Encoding)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := corpus.NewReader(f, corpus.ReaderOptions{Format: in.Format, Name: f.Name(), TextField: in.TextField, LabelField: in.LabelField})
	if err != nil {
		return nil, err
	}
	if r.LabelField() == "" {
		return nil, NeedsLabels(L)
	}
	labels, err := CorpusPass(ctx, r, opt)
	if err != nil {
		return nil, err
	}
	if L.Stats != "" {
		if labels.Stats, err = ReadStatsFile(L.Stats); err != nil {
			return nil, err
		}
	}
	return labels, nil
}

// LabelledResults makes the variants of labelled rows as augment would
// with rec's label settings, learning the statistics, the balancing plan
// and the filter (trained by train) from the rows themselves (eval: each
// training set). Nothing is written: eval refuses --stats-out.
func LabelledResults(ctx context.Context, eng *Engine, rec recipe.Recipe, texts, labels []string, seed uint64, train Trainer) ([]textaug.Result, error) {
	L := rec.Labels
	l, err := LearnRows(texts, labels, NewPassOptions(rec, seed, L.Anchors || slices.Contains(rec.Ops, "label-swap"), train))
	if err != nil {
		return nil, err
	}
	if L.Stats != "" {
		if l.Stats, err = ReadStatsFile(L.Stats); err != nil {
			return nil, err
		}
	}
	words := rec.LabelWords(l.Stats)
	defer words.Close()
	eng = eng.WithLabels(&LabelSamplers{Words: words, Labels: l})
	out := make([]textaug.Result, len(texts))
	for i, t := range texts {
		if out[i], err = eng.SampleLabelled(ctx, t, labels[i]); err != nil {
			return nil, fmt.Errorf("row %d: %w", i+1, err)
		}
	}
	return out, nil
}

// PreparedLabels is what [PrepareLabels] learned for the augmenting pass.
type PreparedLabels struct {
	Samplers *LabelSamplers // nil when the corpus has no labels
	Stdin    io.Reader      // the spooled stdin for the augmenting pass, when stdin was spooled
	close    func()
}

// PrepareLabels runs the corpus pass of in when rec's labels settings
// need one (see [recipe.Labels.Pass]) or read statistics, and the corpus
// has labels; nil when there is nothing label-aware to do (a corpus
// without labels works as before, unless a setting that needs labels was
// given: [NeedsLabels]). Input from stdin is spooled to a temporary file
// and read from there twice; Stdin then replaces stdin for the augmenting
// pass. It writes the statistics file of rec's labels settings, if any.
// Close releases what it holds.
func PrepareLabels(ctx context.Context, in PassInput, rec recipe.Recipe, seed uint64, train Trainer) (*PreparedLabels, error) {
	L := rec.Labels
	swap := slices.Contains(rec.Ops, "label-swap")
	if !LabelAware(rec) {
		return nil, nil
	}
	if in.Format == corpus.Text { // one sentence per line: no labels
		return nil, NeedsLabels(L)
	}
	p := &PreparedLabels{close: func() {}}
	if in.Path == "-" {
		path, remove, err := Spool(in.Stdin)
		if err != nil {
			return nil, err
		}
		files, err := OpenTwice(path)
		if err != nil {
			remove()
			return nil, err
		}
		in.Stdin, p.Stdin = files[0], files[1]
		p.close = func() { files[0].Close(); files[1].Close(); remove() }
	}
	labels, err := CorpusPassInput(ctx, in, rec, NewPassOptions(rec, seed, L.Anchors || swap || L.StatsOut != "", train))
	if err != nil {
		p.close()
		return nil, err
	}
	if labels == nil {
		return p, nil // no labels: augment as before (from the spooled stdin)
	}
	if L.StatsOut != "" && labels.Stats != nil {
		if err := WriteStatsFile(L.StatsOut, labels.Stats); err != nil {
			p.close()
			return nil, err
		}
	}
	words := labels.Stats
	if !L.Anchors && !swap {
		words = nil // statistics only written, not used
	}
	p.Samplers = &LabelSamplers{Words: rec.LabelWords(words), Labels: labels, Tally: &LabelTally{}}
	return p, nil
}

// Apply returns the engine and the stdin of the augmenting pass: the
// label-aware engine, and the spooled stdin when stdin was spooled.
func (p *PreparedLabels) Apply(eng *Engine, stdin io.Reader) (*Engine, io.Reader) {
	if p.Stdin != nil {
		stdin = p.Stdin
	}
	if p.Samplers != nil {
		eng = eng.WithLabels(p.Samplers)
	}
	return eng, stdin
}

// Close closes the spooled stdin and the LLM cache of the label
// augmenters.
func (p *PreparedLabels) Close() {
	p.close()
	if p.Samplers != nil {
		p.Samplers.Words.Close()
	}
}
