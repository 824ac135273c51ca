package eval

import (
	"context"
	"fmt"
	"sync"
)

// Model names: the classifier families eval trains.
const (
	ModelLR  = "lr"  // TF-IDF + logistic regression ([Train])
	ModelCNN = "cnn" // word (or character) CNN with a fixed budget of updates ([TrainCNN])
)

// ModelName describes a model for tables.
func ModelName(m string) string {
	switch m {
	case ModelLR:
		return "TF-IDF + logistic regression"
	case ModelCNN:
		return "CNN (Kim 2014, fixed budget of updates)"
	}
	return m
}

// predictor is what eval needs of a trained classifier, whatever the
// model: [Classifier] and [CNN] both are.
type predictor interface {
	Predict(texts []string) []string
}

// ArmScore is one arm's scores with one model on the test file, one per
// seed.
type ArmScore struct {
	Arm       *Arm
	Model     string    // ModelLR or ModelCNN
	Acc, F1   []float64 // per seed, in [0, 1]
	TrainRows []int     // per seed
	Variants  int       // over the seeds
	Shortfall int       // over the seeds
	// Noisy is the accuracy on the noisy copy of the test file, per seed;
	// nil without Experiment.Noise.
	Noisy []float64
	// Chosen is the classifier setting model selection chose for each
	// seed; nil without selection and for the CNN. Selected[i] is false
	// when the subset was too small to cross-validate and the fixed
	// Config was used.
	Chosen   []Candidate
	Selected []bool
	// Ties[i] are the settings that scored exactly as well as Chosen[i]
	// in seed i's cross-validation (nil: no tie), and CVAcc[i] that
	// score; the selection kept the first it tried
	// ([Selection.TieRule]).
	Ties  [][]Candidate
	CVAcc []float64
	// OverNone and OverCopy are the accuracy gains in points against the
	// first arm without augmentation and the first copy control of the
	// same model, paired by seed; F1OverNone and F1OverCopy likewise for
	// macro-F1, NoisyOverNone and NoisyOverCopy for the noisy accuracy.
	// They are zero (N 0) for that arm itself and when there is none.
	OverNone, OverCopy           Paired
	F1OverNone, F1OverCopy       Paired
	NoisyOverNone, NoisyOverCopy Paired
}

// models returns the experiment's models, lr by default.
func (x *Experiment) models() []string {
	if len(x.Models) == 0 {
		return []string{ModelLR}
	}
	return x.Models
}

// Score trains a classifier of every model for every arm on every seed's
// subset and scores it on the test file (and its noisy copy). The scores
// come model by model, each in the order of the arms.
func (x *Experiment) Score(ctx context.Context) ([]*ArmScore, error) {
	x.columns()
	noisy, err := x.noisyTest()
	if err != nil {
		return nil, err
	}
	models, ns := x.models(), len(x.Seeds)
	scores := make([]*ArmScore, len(models)*len(x.Arms))
	for mi, m := range models {
		for ai, a := range x.Arms {
			s := &ArmScore{Arm: a, Model: m, Acc: make([]float64, ns), F1: make([]float64, ns), TrainRows: make([]int, ns)}
			if noisy != nil {
				s.Noisy = make([]float64, ns)
			}
			if x.Select != nil && m == ModelLR {
				s.Chosen, s.Selected = make([]Candidate, ns), make([]bool, ns)
				s.Ties, s.CVAcc = make([][]Candidate, ns), make([]float64, ns)
			}
			scores[mi*len(x.Arms)+ai] = s
		}
	}
	var mu sync.Mutex
	err = x.parallel(ctx, "training", len(x.Arms)*ns, func(ctx context.Context, t int) error {
		ai, si := t/ns, t%ns
		rs, err := x.scoreOne(ctx, x.Arms[ai], x.Seeds[si], noisy)
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		for mi, r := range rs {
			scores[mi*len(x.Arms)+ai].set(si, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for mi := range models {
		pairGains(scores[mi*len(x.Arms) : (mi+1)*len(x.Arms)])
	}
	return scores, nil
}

// noisyTest returns the noisy copy of the test texts, or nil without
// noise.
func (x *Experiment) noisyTest() ([]string, error) {
	if len(x.Noise.Kinds) == 0 {
		return nil, nil
	}
	return x.Noise.Apply(x.testTexts)
}

// oneScore is one arm's result with one model on one seed.
type oneScore struct {
	acc, f1, noisy            float64
	rows, variants, shortfall int
	choice                    choice
}

func (s *ArmScore) set(si int, r oneScore) {
	s.Acc[si], s.F1[si], s.TrainRows[si] = r.acc, r.f1, r.rows
	s.Variants += r.variants
	s.Shortfall += r.shortfall
	if s.Noisy != nil {
		s.Noisy[si] = r.noisy
	}
	if s.Chosen != nil {
		s.Chosen[si], s.Selected[si] = r.choice.chosen, r.choice.selected
		s.Ties[si], s.CVAcc[si] = r.choice.ties, r.choice.acc
	}
}

// scoreOne builds arm a's training data for seed once, then for each
// model selects the setting when asked, trains and scores it on the test
// file and its noisy copy.
func (x *Experiment) scoreOne(ctx context.Context, a *Arm, seed int, noisy []string) ([]oneScore, error) {
	sub := x.subset(x.Size, seed)
	data, vars, err := a.augmentRows(ctx, sub, seed)
	if err != nil {
		return nil, err
	}
	var out []oneScore
	for _, m := range x.models() {
		r := oneScore{rows: len(data.texts) * (1 + data.copies), variants: data.variants, shortfall: data.shortfall}
		cfg := x.Config
		if x.Select != nil && m == ModelLR {
			if r.choice, err = x.choose(sub, vars, a.copies, seed, cfg); err != nil {
				return nil, fmt.Errorf("%s: model selection: %w", a.Name, err)
			}
			cfg = r.choice.cfg
		}
		c, err := x.fit(m, data, cfg, seed)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", a.Name, m, err)
		}
		pred := c.Predict(x.testTexts)
		r.acc, r.f1 = Accuracy(x.testLabels, pred), MacroF1(x.testLabels, pred)
		if noisy != nil {
			r.noisy = Accuracy(x.testLabels, c.Predict(noisy))
		}
		out = append(out, r)
	}
	return out, nil
}

// fit trains model m on d: logistic regression with cfg, or the CNN of
// Experiment.CNN seeded by seed (the copy control's rows are drawn k+1
// times as often, as literal copies would be).
func (x *Experiment) fit(m string, d augmented, cfg Config, seed int) (predictor, error) {
	switch m {
	case ModelLR:
		return x.train(d, cfg)
	case ModelCNN:
		cc := x.CNN
		cc.Seed = uint64(seed)
		var w []float64
		if d.copies > 0 {
			w = make([]float64, len(d.texts))
			for i := range w {
				w[i] = float64(1 + d.copies)
			}
		}
		return TrainCNN(d.texts, d.labels, w, cc)
	}
	return nil, fmt.Errorf("eval: unknown model %q (want %s or %s)", m, ModelLR, ModelCNN)
}

// pairGains sets the gains of one model's scores against its first arm
// without augmentation and its first copy control, paired by seed.
func pairGains(scores []*ArmScore) {
	var none, cp *ArmScore
	for _, s := range scores {
		switch {
		case s.Arm.IsCopy() && cp == nil:
			cp = s
		case s.Arm.Recipe == nil && !s.Arm.IsCopy() && none == nil:
			none = s
		}
	}
	for _, s := range scores {
		if none != nil && s != none {
			s.OverNone, s.F1OverNone, s.NoisyOverNone = Pair(s.Acc, none.Acc), Pair(s.F1, none.F1), Pair(s.Noisy, none.Noisy)
		}
		if cp != nil && s != cp && s != none {
			s.OverCopy, s.F1OverCopy, s.NoisyOverCopy = Pair(s.Acc, cp.Acc), Pair(s.F1, cp.F1), Pair(s.Noisy, cp.Noisy)
		}
	}
}
