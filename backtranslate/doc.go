// Package backtranslate makes paraphrases by translating text into a pivot
// language and back, through whatever translation service the user has.
//
// Backends, each a [Translator] that sends many texts per request:
//
//   - Apertium APy ([NewApertium]): /translate with texts joined by
//     newlines, at most ~4,000 characters a request, line counts checked.
//   - LibreTranslate ([NewLibreTranslate]): /translate with an array q.
//   - DeepL, Google Cloud Translation, Azure Translator, OpenAI-compatible
//     chat completions, and a generic template for in-house services.
//
// All of them send through a [Client], the transport policy shared by
// every backend talking to one service:
//
//   - at most N requests in flight (default 4);
//   - token-bucket limits in requests/s and characters/s;
//   - retries (default 5) of network errors, timeouts, truncated bodies,
//     408, 429 and 5xx, with exponential backoff and full jitter, honouring
//     Retry-After on 429 and 503; authentication (401, 403) and quota
//     errors are never retried;
//   - a per-attempt timeout (default 60 s) and a response size cap
//     (default 16 MiB);
//   - the context cancels everything at once.
//
// [Cached] puts a [Translator] behind a persistent, content-addressed
// [Cache] (bbolt), so a re-run sends nothing for texts already translated,
// and [RoundTrip] is the augmenter: it satisfies textaug.Augmenter without
// importing textaug. [RoundTrip.Prefetch] translates a batch of records at
// once, so callers batch across records rather than per sentence.
//
// Every failed translation is an [*Error] whose Soft method reports true:
// textaug's Sampler reports a shortfall for that row and goes on. Secrets
// (API keys) travel in headers or bodies, never in URLs, and never appear
// in errors, names or cache keys.
package backtranslate
