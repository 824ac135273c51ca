package eval

import (
	"context"
	"slices"
	"sync"
)

// Picker draws a seed's training subset: the indices of the rows of texts
// and labels it keeps. size is the subset's size parameter (per label or
// in total, as the picker reads it).
type Picker func(texts, labels []string, size int, seed int) []int

// All is the Picker that keeps every row.
func All(texts, _ []string, _ int, _ int) []int {
	all := make([]int, len(texts))
	for i := range all {
		all[i] = i
	}
	return all
}

// Experiment measures whether augmentation helps a classifier: each arm
// builds training data from each seed's subset of Train, and classifiers
// trained on it are scored on Test. Fill the fields, then call
// [Experiment.Score], [Experiment.CrossValidate], [Experiment.Preservation]
// or [Experiment.LearningCurve]; they do not modify the Experiment and may
// run one after the other. Every result depends only on the fields, never on
// Workers.
type Experiment struct {
	Train, Test []Example
	Seeds       []int
	// Pick draws the subsets; Size is its size parameter.
	Pick Picker
	Size int
	// Config is the classifier's configuration.
	Config Config
	// Arms are the rows of the score table, in order.
	Arms []*Arm
	// Workers is the number of trainings run at once (at least 1).
	Workers int
	// Status, when set, is told each finished training of a phase; it is
	// called with a lock held, one call at a time.
	Status func(phase string, done, total int)

	trainTexts, trainLabels []string
	testTexts, testLabels   []string
	once                    sync.Once
}

// columns makes the columns of Train and Test once.
func (x *Experiment) columns() {
	x.once.Do(func() {
		x.trainTexts, x.trainLabels = Columns(x.Train)
		x.testTexts, x.testLabels = Columns(x.Test)
	})
}

// Labels returns the labels of Train, sorted and distinct.
func (x *Experiment) Labels() []string {
	var labels []string
	for _, e := range x.Train {
		if !slices.Contains(labels, e.Label) {
			labels = append(labels, e.Label)
		}
	}
	slices.Sort(labels)
	return labels
}

// subset returns the rows of Train that seed's subset keeps.
func (x *Experiment) subset(size, seed int) []Example {
	x.columns()
	return pickRows(x.Train, x.Pick(x.trainTexts, x.trainLabels, size, seed))
}

// parallel runs n tasks on the experiment's workers; the first error wins.
func (x *Experiment) parallel(ctx context.Context, phase string, n int, task func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	var mu sync.Mutex
	var first error
	done := 0
	var wg sync.WaitGroup
	for w := 0; w < min(max(1, x.Workers), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				err := task(ctx, i)
				mu.Lock()
				if err != nil && first == nil {
					first = err
					cancel()
				}
				done++
				if x.Status != nil {
					x.Status(phase, done, n)
				}
				mu.Unlock()
			}
		}()
	}
loop:
	for i := 0; i < n; i++ {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break loop
		}
	}
	close(jobs)
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}
