// Package backtranslate makes paraphrases by translating text into a pivot
// language and back, through whatever translation service the user has.
//
// Backends, each a [Translator] that carries many texts per request:
//
//   - Apertium APy ([NewApertium]): /translate with texts joined by
//     newlines, at most ~4,000 characters a request, line counts checked
//     (APy drops lines from long requests while answering 200).
//   - LibreTranslate ([NewLibreTranslate]): /translate with an array q.
//   - DeepL API v2 ([NewDeepL]), Google Cloud Translation v2 ([NewGoogle]),
//     Azure Translator v3 ([NewAzure]), OpenAI-compatible chat completions
//     ([NewOpenAI]), and a generic template for in-house services
//     ([NewTemplate]).
//
// All of them send through a [Client], the transport policy shared by
// every backend talking to one service:
//
//   - at most N requests in flight (default 4);
//   - token-bucket limits in requests/s and characters/s;
//   - retries (default 5; [WithRetries](0) for none) of network errors,
//     timeouts, truncated bodies, 408, 429 and 5xx, with exponential
//     backoff and full jitter, honouring Retry-After on 429 and 503;
//     authentication (401, 403) and quota errors are never retried;
//   - a per-attempt timeout (default 60 s) and a response size cap
//     (default 16 MiB);
//   - the context cancels everything at once.
//
// [Cached] puts a Translator behind a persistent, content-addressed
// [Cache] (a bbolt file), so a re-run sends nothing for texts already
// translated, and texts in flight are never sent twice. [RoundTrip] is
// the augmenter: it satisfies textaug.Augmenter without importing textaug.
// [RoundTrip.Prefetch] translates a batch of records at once, so callers
// batch across records rather than sending a request per sentence; the
// batches fit one request each ([Batcher]).
//
// [Chat] is the OpenAI-compatible chat client that the OpenAI translator,
// [Paraphrase] (k paraphrases of a text per request) and [Generate] (new
// examples of a label, LAMBADA-style) share; [ParseList] reads their
// replies. Both are augmenters too, cached like translations.
//
// Every failed translation is an [*Error] whose Soft method reports true:
// textaug's Sampler reports a shortfall for that row and goes on, and a
// re-run completes it from the cache. When the caller's context is done,
// errors wrap ctx.Err() instead and are not soft. [FailureOf] says what
// kind of failure an error is, and [Transient] whether a re-run can help
// (network errors, timeouts, 429 and 5xx after the last retry) or not
// (404, refused keys, exhausted quotas, languages the service lacks,
// unusable answers).
//
// [Probe] (and [RoundTrip.Probe]) checks a service before a run sends it
// any text: that it answers at the URL, accepts the key, and offers every
// direction the round trips need, through each backend's list of pairs,
// languages or models. A failed probe is a [*ProbeError] that says what
// to fix. Secrets (API keys)
// travel in headers or bodies, never in URLs, and never appear in errors,
// names or cache keys.
package backtranslate
