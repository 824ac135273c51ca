package backtranslate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseList(t *testing.T) {
	cases := []struct {
		name, reply string
		truncated   bool
		want        []string
		err         string // the error, when want is nil
		kind        string
	}{
		{name: "bare array", reply: `["a  b", " c ", "", "a b"]`, want: []string{"a b", "c"}},
		{name: "object", reply: `{"paraphrases": ["x", "y"]}`, want: []string{"x", "y"}},
		{name: "object with other members", reply: `{"n": 2, "paraphrases": ["x", "y"], "note": "ok"}`, want: []string{"x", "y"}},
		{name: "fenced", reply: "```json\n{\"examples\": [\"x\"]}\n```", want: []string{"x"}},
		{name: "numbered lines", reply: "1. first one\n\n2) second one\n", want: []string{"first one", "second one"}},
		{name: "truncated array", reply: `{"paraphrases": ["one", "two", "thr`, truncated: true, want: []string{"one", "two"}},
		{name: "truncated lines", reply: "1. one\n2. two\n3. th", truncated: true, want: []string{"one", "two"}},
		{name: "malformed JSON", reply: `["one", "two" "three"]`, err: "reply byte 15: malformed JSON: invalid character '\"' after array element", kind: "malformed"},
		{name: "truncated but not marked", reply: `{"paraphrases": ["one", "tw`, err: "reply byte 27: malformed JSON: unexpected end of JSON input", kind: "malformed"},
		{name: "wrong shape", reply: `[1, 2]`, err: "reply byte 2: JSON of the wrong shape: json: cannot unmarshal number into Go value of type string", kind: "malformed"},
		{name: "object without a list", reply: `{"answer": "x"}`, err: "reply: a JSON object without an array of strings", kind: "malformed"},
		{name: "two arrays", reply: `{"a": ["x"], "b": ["y"]}`, err: "reply: a JSON object with 2 arrays of strings, want one", kind: "malformed"},
		{name: "prose", reply: "1. fine\nHere you go!", err: `reply line 2: neither JSON nor a numbered line: "Here you go!"`, kind: "malformed"},
		{name: "refusal", reply: "I'm sorry, but I can't help with that.", err: "reply: the model refused: I'm sorry, but I can't help with that.", kind: "refused"},
		{name: "empty", reply: "  \n", err: "reply: empty", kind: "empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseList(c.reply, c.truncated)
			if c.want != nil {
				assert.NoError(t, err)
				assert.Equal(t, c.want, got)
				return
			}
			var re *ReplyError
			if assert.ErrorAs(t, err, &re) {
				assert.Contains(t, err.Error(), c.err)
				assert.Equal(t, c.kind, re.Kind)
			}
		})
	}
}

// FuzzParseList: any reply gives texts or a *ReplyError, never a panic,
// and texts are never blank.
func FuzzParseList(f *testing.F) {
	for _, s := range []string{`["a"]`, `{"p": ["a", "b"]}`, "1. a\n2. b", "```\n[\"x\"]\n```", `{"p": ["a", "b`, "I'm sorry"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, reply string, truncated bool) {
		got, err := ParseList(reply, truncated)
		if err != nil {
			var re *ReplyError
			assert.ErrorAs(t, err, &re)
			assert.Nil(t, got)
			return
		}
		for _, s := range got {
			assert.NotEmpty(t, s)
		}
	})
}
