// Package eval holds the building blocks of an evaluation that measures
// whether text augmentation helps a simple classifier in low-resource
// settings: a reproducible subsampler, a TF-IDF + logistic-regression
// classifier, metrics, stratified folds and a learning-curve plot.
//
//   - [LRS], [LRSFraction] and [LRSTotal] implement the low-resource sampler
//     lrs-v1 described in shared/data/README.md ("Low-resource sampler"): per
//     label, rows are ordered by the SHA-256 of seed + ":" + text and the
//     first ones are kept. The subsets are reproducible without this code and
//     nested for a fixed seed.
//   - [Train] fits a multinomial logistic regression (softmax, L2
//     regularised) on TF-IDF features of word 1–2-grams or character
//     1–3-grams ([Analyzer]); [Classifier.Predict] labels new texts.
//   - [Accuracy], [MacroF1] and [MeanStd] score predictions and summarise
//     runs over seeds; [Folds] splits rows into stratified folds.
//   - [PlotCurve] draws accuracy against training size, one line with error
//     bars per [Series].
//   - [Experiment] is the whole experiment of textaug eval: [Arm]s (no
//     augmentation, the [Copy] control, or a recipe sampled through
//     internal/augment) scored over seeds with one or more models (ModelLR,
//     ModelCNN) on the test file and its [Noise] copy ([Experiment.Score]),
//     gains paired by seed ([Pair]), the classifier's C and features chosen
//     per arm and seed ([Selection]) in folds grouped by source row
//     ([GroupedFolds]), the strength search by cross-validation inside the
//     training subset ([Experiment.CrossValidate]), label preservation
//     judged by a classifier trained on the whole training file
//     ([Experiment.Preservation], with textaug.Compare), the learning curve
//     ([Experiment.LearningCurve]) and the Markdown [Report].
//   - The planning of an experiment from the command line's values:
//     [ReadExamples] reads a labelled file, [Language] tells its language,
//     [Subset] picks the training subset's sampler, [ParseSeeds] and
//     [ParseSizes] read the seeds and the learning curve's sizes,
//     [GridPoints] expands a strength-search grid, [Ablation] gives the arms
//     of an ablation and [MainArmName] names the main arm.
//
// # Determinism
//
// Everything here is a pure function of its arguments: sampling and folds
// are driven by SHA-256 keys, not by a random generator, and training sums
// floating-point values in a fixed order, so that the same inputs give
// bit-identical models on the same platform (the vector kernels of gonum may
// round differently on another CPU architecture).
//
// # Optimiser
//
// Training minimises the L2-regularised softmax cross-entropy (see [Config])
// with an analytic gradient and a small, hand-written L-BFGS with a strong
// Wolfe line search and a diagonal preconditioner. gonum's
// [gonum.org/v1/gonum/optimize] is well maintained and was the first
// choice, but measured on banking77 it was 4 times slower: its L-BFGS
// makes more passes over the 1.8 million parameters per iteration and
// cannot be preconditioned, which alone cuts the iterations from about 60
// to 22. The vector kernels are gonum's ([gonum.org/v1/gonum/floats]).
// On one core, training takes about 1.5 s on the 10,003 rows of banking77,
// 0.55 s on 500 of them with 16 augmented variants each (8,500 rows), and
// 85 ms on the 500 alone. Train runs on the calling goroutine; run
// independent trainings (seeds, sizes) concurrently to use more cores.
//
// Nothing in this package keeps package-level mutable state; the types
// document their own concurrency guarantees.
package eval
