package backtranslate

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unicode/utf8"
)

// benchCorpus is n distinct English sentences in the style of customer
// messages, the same for every run.
func benchCorpus(n int) []string {
	subjects := []string{"I", "My wife", "Our company", "My friend", "We", "The shop", "My landlord", "A colleague", "My son", "The bank"}
	verbs := []string{"sent", "received", "lost", "ordered", "paid", "cancelled", "requested", "returned", "found", "blocked", "changed", "opened"}
	objects := []string{"the card", "a refund", "the transfer", "a new account", "the payment", "my statement", "the loan", "a cheque", "the invoice", "the deposit", "an old phone", "the contract"}
	tails := []string{"last week", "yesterday morning", "two days ago", "before the holidays", "without any warning", "at the airport", "on Monday", "after the meeting", "in the evening", "during my trip"}
	extras := []string{"and nobody told me why.", "but it has not arrived yet.", "and now I need help.", "so please check it.", "and the app shows an error.", "but the money is still missing.", "and I want to know what happened.", "."}
	r := rand.New(rand.NewPCG(2000, 5))
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		s := fmt.Sprintf("%s %s %s %s %s", subjects[r.IntN(len(subjects))], verbs[r.IntN(len(verbs))], objects[r.IntN(len(objects))], tails[r.IntN(len(tails))], extras[r.IntN(len(extras))])
		s = strings.Replace(s, " .", ".", 1)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func apyURL(b *testing.B) string {
	u := os.Getenv("TEXTAUG_APY_URL")
	if u == "" {
		b.Skip("TEXTAUG_APY_URL not set: start APy (see docs/backtranslate.md) to run this benchmark")
	}
	return strings.TrimRight(u, "/")
}

// countingTransport counts requests.
type countingTransport struct{ n atomic.Int64 }

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

var benchPivots = map[string][]string{"spa": {"spa"}, "spa+cat": {"spa", "cat"}}

// BenchmarkAPyClient back-translates 2,000 sentences through local APy with
// this package (Cached in memory, RoundTrip.Prefetch): sentences/s counts
// each sentence once, however many pivots.
func BenchmarkAPyClient(b *testing.B) {
	base := apyURL(b)
	texts := benchCorpus(2000)
	for _, name := range []string{"spa", "spa+cat"} {
		for _, conc := range []int{4, 8} {
			for _, file := range []bool{false, true} {
				if file && conc != 4 {
					continue
				}
				b.Run(fmt.Sprintf("pivots=%s/conc=%d/file=%v", name, conc, file), func(b *testing.B) {
					benchClient(b, base, texts, benchPivots[name], conc, file)
				})
			}
		}
	}
}

func benchClient(b *testing.B, base string, texts, pivots []string, conc int, file bool) {
	ct := &countingTransport{}
	c := NewClient(WithConcurrency(conc), WithHTTPClient(&http.Client{Transport: ct}))
	a := NewApertium(base, c)
	warmUp(b, a, pivots)
	ct.n.Store(0)
	b.ResetTimer()
	for range b.N {
		var cache *Cache
		if file {
			b.StopTimer()
			var err error
			if cache, err = OpenCache(filepath.Join(b.TempDir(), "bt.db")); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		rt := RoundTrip{Translator: Cached(a, cache, ""), Source: "eng", Pivots: pivots}
		if err := rt.Prefetch(context.Background(), texts); err != nil {
			b.Fatal(err)
		}
		if cache != nil {
			cache.Close()
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(ct.n.Load())/float64(b.N), "requests/op")
}

// BenchmarkAPyPlain is the yardstick: a plain batched loop (texts joined
// by newlines in 4,000-character requests, no checks, no retries), with
// workers requests in flight, each pivot there and back in turn.
func BenchmarkAPyPlain(b *testing.B) {
	base := apyURL(b)
	texts := benchCorpus(2000)
	for _, name := range []string{"spa", "spa+cat"} {
		for _, workers := range []int{1, 4, 8} {
			b.Run(fmt.Sprintf("pivots=%s/workers=%d", name, workers), func(b *testing.B) {
				hc := &http.Client{}
				warmUp(b, NewApertium(base, nil), benchPivots[name])
				b.ResetTimer()
				for range b.N {
					var wg sync.WaitGroup
					for _, p := range benchPivots[name] {
						wg.Go(func() {
							fwd := plainTranslate(b, hc, base, "eng|"+p, texts, workers)
							back := plainTranslate(b, hc, base, p+"|eng", fwd, workers)
							if len(back) != len(texts) {
								b.Errorf("plain loop lost lines: %d of %d", len(back), len(texts))
							}
						})
					}
					wg.Wait()
				}
				b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "sentences/s")
			})
		}
	}
}

// BenchmarkAPyCachedRerun re-runs the 2,000-sentence job against a filled
// cache file: zero requests, and Prepare for every sentence.
func BenchmarkAPyCachedRerun(b *testing.B) {
	base := apyURL(b)
	texts := benchCorpus(2000)
	path := filepath.Join(b.TempDir(), "bt.db")
	ct := &countingTransport{}
	c := NewClient(WithHTTPClient(&http.Client{Transport: ct}))
	cache, err := OpenCache(path)
	if err != nil {
		b.Fatal(err)
	}
	defer cache.Close()
	rt := RoundTrip{Translator: Cached(NewApertium(base, c), cache, ""), Source: "eng", Pivots: []string{"spa", "cat"}}
	if err := rt.Prefetch(context.Background(), texts); err != nil {
		b.Fatal(err)
	}
	ct.n.Store(0)
	b.ResetTimer()
	for range b.N {
		if err := rt.Prefetch(context.Background(), texts); err != nil {
			b.Fatal(err)
		}
		for _, s := range texts {
			if _, err := rt.Prepare(context.Background(), s); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(ct.n.Load()), "requests")
}

func warmUp(b *testing.B, a *Apertium, pivots []string) {
	for _, p := range pivots {
		fwd, err := a.Translate(context.Background(), "eng", p, []string{"Warm up the pipeline."})
		if err == nil {
			_, err = a.Translate(context.Background(), p, "eng", fwd)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}

func plainTranslate(b *testing.B, hc *http.Client, base, pair string, texts []string, workers int) []string {
	var batches [][]string
	var cur []string
	n := 0
	for _, t := range texts {
		if n+len(t)+1 > 4000 && len(cur) > 0 {
			batches, cur, n = append(batches, cur), nil, 0
		}
		cur = append(cur, t)
		n += utf8.RuneCountInString(t) + 1
	}
	batches = append(batches, cur)
	out := make([][]string, len(batches))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(batches) {
					return
				}
				form := url.Values{"langpair": {pair}, "q": {strings.Join(batches[i], "\n")}, "markUnknown": {"no"}, "format": {"txt"}}
				resp, err := hc.PostForm(base+"/translate", form)
				if err != nil {
					b.Error(err)
					return
				}
				var r struct {
					ResponseData struct {
						TranslatedText string `json:"translatedText"`
					} `json:"responseData"`
				}
				err = json.NewDecoder(resp.Body).Decode(&r)
				resp.Body.Close()
				if err != nil {
					b.Error(err)
					return
				}
				out[i] = strings.Split(r.ResponseData.TranslatedText, "\n")
			}
		})
	}
	wg.Wait()
	return slices.Concat(out...)
}

// TestAPySamples logs 20 sample round trips through local APy, for the
// record.
func TestAPySamples(t *testing.T) {
	base := os.Getenv("TEXTAUG_APY_URL")
	if base == "" {
		t.Skip("TEXTAUG_APY_URL not set: start APy (see docs/backtranslate.md) to run this test")
	}
	texts := benchCorpus(2000)[:10]
	rt := RoundTrip{Translator: Cached(NewApertium(base, nil), nil, ""), Source: "eng", Pivots: []string{"spa", "cat"}}
	if err := rt.Prefetch(context.Background(), texts); err != nil {
		t.Fatal(err)
	}
	for _, s := range texts {
		draw, err := rt.Prepare(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for seed := uint64(0); len(seen) < 2 && seed < 50; seed++ {
			v, ops := draw(rand.New(rand.NewPCG(seed, 0)))
			if !seen[ops[0]] {
				seen[ops[0]] = true
				t.Logf("%-18s %q\n%18s → %q", ops[0], s, "", v)
			}
		}
	}
}

// BenchmarkCachedRerun is BenchmarkAPyCachedRerun without APy: the cost of
// answering a 2,000-sentence job (Prefetch, then Prepare of each) from a
// filled cache file, or from memory.
func BenchmarkCachedRerun(b *testing.B) {
	texts := benchCorpus(2000)
	for _, persistent := range []bool{false, true} {
		b.Run(fmt.Sprint("file=", persistent), func(b *testing.B) {
			var cache *Cache
			if persistent {
				var err error
				if cache, err = OpenCache(filepath.Join(b.TempDir(), "bt.db")); err != nil {
					b.Fatal(err)
				}
				defer cache.Close()
			}
			rec := &recorder{}
			rt := RoundTrip{Translator: Cached(rec, cache, ""), Source: "eng", Pivots: []string{"spa", "cat"}}
			if err := rt.Prefetch(context.Background(), texts); err != nil {
				b.Fatal(err)
			}
			calls := rec.n()
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if err := rt.Prefetch(context.Background(), texts); err != nil {
					b.Fatal(err)
				}
				for _, s := range texts {
					if _, err := rt.Prepare(context.Background(), s); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "sentences/s")
			if rec.n() != calls {
				b.Fatalf("%d translator calls on a re-run", rec.n()-calls)
			}
		})
	}
}
