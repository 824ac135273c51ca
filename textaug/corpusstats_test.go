package textaug_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/textaug"
)

type labelled struct{ Text, Label string }

// fixture reads testdata/labelled.jsonl: short banking questions of four
// intents written for these tests, and a few finance sentences (label
// "other") for the entity rules.
func fixture(t testing.TB) []labelled {
	t.Helper()
	f, err := os.Open("testdata/labelled.jsonl")
	require.NoError(t, err)
	defer f.Close()
	var rows []labelled
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r labelled
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
		rows = append(rows, r)
	}
	require.NoError(t, sc.Err())
	return rows
}

// fixtureStats builds the statistics of rows with b.
func fixtureStats(t testing.TB, b textaug.StatsBuilder, rows []labelled) *textaug.CorpusStats {
	t.Helper()
	for _, r := range rows {
		require.NoError(t, b.Add(r.Text, r.Label))
	}
	return b.Stats()
}

func terms(as []textaug.Anchor) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Term)
	}
	return out
}

// The anchors of the fixture are the words a person would name for each
// intent, by stem ("arriv" covers arrive, arrived, arrives); a pair is an
// anchor when its words mostly come together ("exchange rate", "top
// up"), and then its words are not anchors of their own.
func TestStatsAnchors(t *testing.T) {
	// The fixture has 6 to 10 rows per label; a z of 3 (the default) needs
	// more, so the test lowers it.
	s := fixtureStats(t, textaug.StatsBuilder{MinZ: 2}, fixture(t))
	assert.Equal(t, []string{"card", "arriv"}, terms(s.AnchorsOf("card_arrival")))
	assert.Equal(t, []string{"card", "lost"}, terms(s.AnchorsOf("lost_card")))
	assert.Equal(t, []string{"exchang rate"}, terms(s.AnchorsOf("exchange_rate")))
	assert.Contains(t, terms(s.AnchorsOf("top_up")), "top up")
	assert.Empty(t, s.AnchorsOf("other"), "no word marks the mixed label")
	assert.Nil(t, s.AnchorsOf("no such label"))
	arriv := s.AnchorsOf("card_arrival")[1]
	assert.Equal(t, []string{"arrived", "arrive", "arrives"}, arriv.Forms, "most frequent first")
	assert.Equal(t, 8, arriv.Rows)
	assert.Greater(t, arriv.Z, 2.0)
	assert.Equal(t, 10, s.Label("card_arrival").Rows)
	assert.Equal(t, 37, s.Rows)
	assert.Equal(t, "card (z 3.1, 10 rows), arrived/arrive/arrives (z 2.9, 8 rows)", s.Describe("card_arrival"))
}

// Stopwords and negations are never anchors, even where they mark a label
// ("not" in every row of one).
func TestStatsNoStopwordAnchors(t *testing.T) {
	b := textaug.StatsBuilder{MinZ: 1.5}
	for i := range 12 {
		require.NoError(t, b.Add("my card did not work "+strings.Repeat("x", i+2), "broken"))
		require.NoError(t, b.Add("what is the fee for cash "+strings.Repeat("y", i+2), "fee"))
	}
	s := b.Stats()
	for _, l := range s.Labels {
		for _, a := range l.Anchors {
			for _, w := range strings.Fields(a.Term) {
				assert.NotContains(t, []string{"not", "my", "did", "what", "is", "the", "for"}, w, "label %s", l.Label)
			}
		}
	}
	assert.Equal(t, []string{"card", "work"}, terms(s.AnchorsOf("broken")))
}

func TestStatsThresholds(t *testing.T) {
	rows := fixture(t)
	s := fixtureStats(t, textaug.StatsBuilder{MinZ: 2, MaxAnchors: 1}, rows)
	for _, l := range s.Labels {
		assert.LessOrEqual(t, len(l.Anchors), 1, l.Label)
	}
	assert.Equal(t, 1, s.Settings.MaxAnchors)
	s = fixtureStats(t, textaug.StatsBuilder{MinZ: 2, MinRows: 9}, rows)
	assert.Equal(t, []string{"card"}, terms(s.AnchorsOf("card_arrival")), "only card is in 9 of its rows")
	assert.Empty(t, s.AnchorsOf("lost_card"))
	s = fixtureStats(t, textaug.StatsBuilder{MinZ: 50}, rows)
	for _, l := range s.Labels {
		assert.Empty(t, l.Anchors, l.Label)
	}
	def := fixtureStats(t, textaug.StatsBuilder{}, rows).Settings
	assert.Equal(t, textaug.StatsSettings{
		MinZ: textaug.DefaultMinZ, MinRows: textaug.DefaultMinRows, MinShare: textaug.DefaultMinShare,
		MaxAnchors: textaug.DefaultMaxAnchors, Prior: textaug.DefaultPrior, EntityRows: textaug.DefaultEntityRows,
		MaxEntries: textaug.DefaultMaxEntries, MaxFillers: textaug.DefaultMaxFillers,
	}, def)
}

// A word or sequence written capitalised in the middle of a sentence and
// never in lower case is an entity: Nokia (mid-sentence twice, first word
// once), Nordea and "Nordea Bank" (though "bank" is written in lower
// case), London. Not: words seen only at the start of a sentence
// (Analysts), words also seen in lower case (Shares), and capitals in a
// headline or a text in capitals (Acme, Results).
func TestStatsEntities(t *testing.T) {
	s := fixtureStats(t, textaug.StatsBuilder{}, fixture(t))
	assert.Equal(t, []string{"london", "nokia", "nordea", "nordea bank"}, s.Entities)

	s = fixtureStats(t, textaug.StatsBuilder{EntityRows: 2}, fixture(t))
	assert.Equal(t, []string{"london", "nokia", "nordea", "nordea bank"}, s.Entities, "each is capitalised mid-sentence in two rows")
	s = fixtureStats(t, textaug.StatsBuilder{EntityRows: 3}, fixture(t))
	assert.Empty(t, s.Entities)

	// A pack's names are entities whatever the corpus shows.
	s = fixtureStats(t, textaug.StatsBuilder{Entities: []string{"Acme  Corp", "nokia", "", "a b c d e"}}, fixture(t))
	assert.Equal(t, []string{"acme corp", "london", "nokia", "nordea", "nordea bank"}, s.Entities)
}

// Statistics are a function of the rows, not of their order, even when
// the label-swap contexts outgrow their bound and are sampled.
func TestStatsOrderIndependent(t *testing.T) {
	rows := fixture(t)
	for _, b := range []textaug.StatsBuilder{{MinZ: 2}, {MinZ: 2, MaxEntries: 5}} {
		want := statsBytes(t, fixtureStats(t, b, rows))
		r := rand.New(rand.NewPCG(1, 2))
		for range 5 {
			shuffled := slices.Clone(rows)
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			assert.Equal(t, want, statsBytes(t, fixtureStats(t, b, shuffled)))
		}
	}
	small := fixtureStats(t, textaug.StatsBuilder{MaxEntries: 5}, rows)
	assert.Positive(t, small.ContextSample, "5 entries force sampling")
	n := 0
	for _, l := range small.Labels {
		for _, c := range l.Contexts {
			n += len(c.Fillers)
		}
	}
	assert.LessOrEqual(t, n, 5)
}

func statsBytes(t testing.TB, s *textaug.CorpusStats) string {
	t.Helper()
	var buf bytes.Buffer
	_, err := s.WriteTo(&buf)
	require.NoError(t, err)
	return buf.String()
}

// Chinese rows are cut by the Chinese tokenizer; anchors are words.
func TestStatsChinese(t *testing.T) {
	rows := []labelled{
		{"这个景点的地址在哪里？", "地址"}, {"餐馆的地址是什么？", "地址"}, {"请告诉我酒店地址。", "地址"},
		{"你们的地址在哪？", "地址"}, {"能发一下地址吗？", "地址"},
		{"这个景点的电话是多少？", "电话"}, {"餐馆的电话号码是什么？", "电话"}, {"请告诉我酒店电话。", "电话"},
		{"你们的电话多少？", "电话"}, {"能发一下电话吗？", "电话"},
	}
	s := fixtureStats(t, textaug.StatsBuilder{MinZ: 1}, rows)
	assert.Equal(t, []string{"地址"}, terms(s.AnchorsOf("地址")))
	assert.Contains(t, terms(s.AnchorsOf("电话")), "电话")
	assert.Empty(t, s.Entities)
}

func TestStatsRoundTrip(t *testing.T) {
	s := fixtureStats(t, textaug.StatsBuilder{MinZ: 2}, fixture(t))
	b := statsBytes(t, s)
	back, err := textaug.ReadStats(strings.NewReader(b), "stats.json")
	require.NoError(t, err)
	assert.Equal(t, b, statsBytes(t, back))
	assert.Equal(t, s.AnchorsOf("card_arrival"), back.AnchorsOf("card_arrival"))
	assert.Equal(t, s.Entities, back.Entities)

	empty := statsBytes(t, (&textaug.StatsBuilder{}).Stats())
	back, err = textaug.ReadStats(strings.NewReader(empty), "empty.json")
	require.NoError(t, err)
	assert.Equal(t, 0, back.Rows)
	assert.Equal(t, empty, statsBytes(t, back))
}

// Bad files are refused with the place of the problem: line and column for
// JSON errors, the field's path for wrong values.
func TestReadStatsErrors(t *testing.T) {
	good := statsBytes(t, fixtureStats(t, textaug.StatsBuilder{MinZ: 2}, fixture(t)))
	edit := func(old, new string) string {
		require.Contains(t, good, old)
		return strings.Replace(good, old, new, 1)
	}
	for _, c := range []struct{ name, in, want string }{
		{"empty", "", "textaug: stats s.json:1:1: EOF"},
		{"syntax", "{\n \"format\": x}", "textaug: stats s.json:2:12: invalid character 'x' looking for beginning of value"},
		{"type", edit(`"rows": 37`, `"rows": "37"`), "textaug: stats s.json:14:10: json: cannot unmarshal string"},
		{"truncated", good[:len(good)/2], "textaug: stats s.json:"},
		{"trailing", good + "{}", "data after the JSON object"},
		{"unknown field", edit(`"rows": 37,`, `"rows": 37, "colour": 1,`), `textaug: stats s.json: json: unknown field "colour"`},
		{"format", edit(textaug.StatsFormat, "other"), `textaug: stats s.json: format: "other" is not "textaug-corpus-stats"`},
		{"version", edit(`"version": 1`, `"version": 2`), "textaug: stats s.json: version: version 2 is not supported (this build reads 1)"},
		{"rows", edit(`"rows": 37`, `"rows": -1`), "textaug: stats s.json: rows: negative"},
		{"entity order", edit(`"london",`, `"zurich",`), `entities[1]: "nokia" is not after "zurich"`},
		{"entity case", edit(`"london",`, `"London",`), `entities[0]: "London" is not 1 to 4 lower-case words`},
		{"label order", edit(`"label": "card_arrival"`, `"label": "zz"`), `labels[1].label: "exchange_rate" is not after "zz"`},
		{"empty label", edit(`"label": "card_arrival"`, `"label": ""`), "labels[0].label: empty"},
		{"term", edit(`"term": "card"`, `"term": "a b c"`), `labels[0].anchors[0].term: "a b c" is not one or two lower-case words`},
		{"anchor rows", edit(`"z": 3.1,
     "rows": 10`, `"z": 3.1,
     "rows": 99`), "labels[0].anchors[0].rows: 99 is not in 0..10"},
		{"filler tag", edit(`"tag": "NNS"`, `"tag": "X"`), `fillers[0].tag: "X" is not an open-class Penn tag`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := textaug.ReadStats(strings.NewReader(c.in), "s.json")
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			var se *textaug.StatsError
			assert.True(t, errors.As(err, &se))
		})
	}
}

func FuzzReadStats(f *testing.F) {
	f.Add(statsBytes(f, fixtureStats(f, textaug.StatsBuilder{MinZ: 2}, fixture(f))))
	f.Add(`{"format":"textaug-corpus-stats","version":1,"entities":["a"],"labels":[{"label":"x","anchors":[{"term":"a b","z":1}]}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		s, err := textaug.ReadStats(strings.NewReader(in), "f")
		if err != nil {
			return
		}
		b := statsBytes(t, s)
		back, err := textaug.ReadStats(strings.NewReader(b), "f")
		require.NoError(t, err, "a file that reads must write a file that reads")
		assert.Equal(t, b, statsBytes(t, back))
		for _, l := range s.Labels {
			s.Describe(l.Label)
		}
	})
}
