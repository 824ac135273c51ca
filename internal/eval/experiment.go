package eval

import (
	"context"
	"runtime"
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
	// Config is the classifier's configuration; with Select, its C and
	// Analyzer are chosen per arm and seed, and Config's are used by the
	// strength search, the learning curve and the preservation judge.
	Config Config
	// Select, when set, chooses C and the features of each arm and seed
	// for logistic regression.
	Select *Selection
	// Models are the classifiers trained for every arm and seed (ModelLR,
	// ModelCNN); nil means ModelLR alone. CNN configures the CNN; its
	// Seed is set to each seed.
	Models []string
	CNN    CNNConfig
	// Noise, when it has kinds, also scores every classifier on a noisy
	// copy of the test texts.
	Noise Noise
	// Arms are the rows of the score table, in order.
	Arms []*Arm
	// Workers is the number of trainings run at once (at least 1).
	Workers int
	// MemoryBudget bounds the estimated bytes of the optimiser state of
	// the trainings that run at once; a training larger than the budget
	// runs alone. 0 means no bound.
	MemoryBudget int64
	// Status, when set, is told each finished training of a phase; it is
	// called with a lock held, one call at a time.
	Status func(phase string, done, total int)

	trainTexts, trainLabels []string
	testTexts, testLabels   []string
	budget                  *memBudget
	once                    sync.Once
}

// columns makes the columns of Train and Test and the budget once.
func (x *Experiment) columns() {
	x.once.Do(func() {
		x.trainTexts, x.trainLabels = Columns(x.Train)
		x.testTexts, x.testLabels = Columns(x.Test)
		if x.MemoryBudget > 0 {
			x.budget = &memBudget{capacity: x.MemoryBudget}
			x.budget.cond = sync.NewCond(&x.budget.mu)
		}
	})
}

// train fits a classifier to a training set within the memory budget.
func (x *Experiment) train(d augmented, cfg Config) (*Classifier, error) {
	var acquire func(int64) func()
	if x.budget != nil {
		acquire = x.budget.acquire
	}
	return train(d.texts, d.labels, nil, 1+d.copies, cfg, acquire)
}

// memBudget is a weighted semaphore over estimated bytes.
type memBudget struct {
	mu             sync.Mutex
	cond           *sync.Cond
	capacity, used int64
}

// acquire waits until n bytes (at most the capacity) are free, takes
// them, and returns the function that gives them back.
func (b *memBudget) acquire(n int64) (release func()) {
	n = min(n, b.capacity)
	b.mu.Lock()
	for b.used+n > b.capacity {
		b.cond.Wait()
	}
	b.used += n
	b.mu.Unlock()
	return func() {
		if n >= b.capacity/2 {
			// The state of a large training is garbage now: collect it
			// before the next training allocates its own, so that the
			// two never add up in the process's peak memory. The heap
			// is mostly pointer-free, so a collection is cheap.
			runtime.GC()
		}
		b.mu.Lock()
		b.used -= n
		b.cond.Broadcast()
		b.mu.Unlock()
	}
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
	return x.parallelOn(ctx, max(1, x.Workers), phase, n, task)
}

// parallelOn runs n tasks on at most workers goroutines.
func (x *Experiment) parallelOn(ctx context.Context, workers int, phase string, n int, task func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	var mu sync.Mutex
	var first error
	done := 0
	var wg sync.WaitGroup
	for w := 0; w < min(workers, n); w++ {
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
