package backtranslate

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// ReplyError says why a model's reply could not be read as a list of
// texts, and where: Line (from 1) for line-oriented replies, Offset (a
// byte offset into the reply) for JSON; 0 when the reply as a whole is
// wrong.
type ReplyError struct {
	Line, Offset int
	Reason       string
	// Kind classifies the failure for counting: "malformed" (neither JSON
	// nor numbered lines), "refused" (the model declined) or "empty".
	Kind string
}

func (e *ReplyError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("reply line %d: %s", e.Line, e.Reason)
	case e.Offset > 0:
		return fmt.Sprintf("reply byte %d: %s", e.Offset, e.Reason)
	}
	return "reply: " + e.Reason
}

// ParseList reads the texts of a model's reply, accepting, in this order:
//
//   - a bare JSON array of strings: ["a", "b"];
//   - a JSON object with exactly one member that is an array of strings
//     ({"paraphrases": ["a", "b"]}), other members being ignored when
//     they are not arrays of strings;
//   - numbered lines ("1. a", "2) b"), every non-blank line numbered.
//
// Markdown code fences around the reply are ignored. Texts are trimmed,
// white space is collapsed, and blank ones are dropped. When truncated is
// true (the reply was cut off at the token limit), the complete strings
// of a cut JSON array and the numbered lines but the last are kept.
// Anything else is a *ReplyError, located in the reply: a refusal ("I'm
// sorry, ...") is one of Kind "refused".
func ParseList(reply string, truncated bool) ([]string, error) {
	body := unfence(reply)
	if strings.TrimSpace(body) == "" {
		return nil, &ReplyError{Reason: "empty", Kind: "empty"}
	}
	if t := strings.TrimSpace(body); strings.HasPrefix(t, "[") || strings.HasPrefix(t, "{") {
		list, err := parseJSONList(t, truncated)
		if err != nil {
			return nil, err
		}
		return cleanList(list), nil
	}
	list, err := parseNumberedList(body, truncated)
	if err != nil {
		if refusal(body) {
			return nil, &ReplyError{Reason: "the model refused: " + trimBody([]byte(body), nil), Kind: "refused"}
		}
		return nil, err
	}
	return cleanList(list), nil
}

// fenced matches a reply wrapped in a Markdown code fence.
var fenced = regexp.MustCompile("(?s)^\\s*```[a-zA-Z]*\\s*\\n(.*?)\\n?\\s*(```\\s*)?$")

func unfence(s string) string {
	if m := fenced.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return s
}

// parseJSONList reads a JSON array of strings, or an object with one.
func parseJSONList(s string, truncated bool) ([]string, error) {
	var err error
	if strings.HasPrefix(s, "[") {
		var list []string
		if err = json.Unmarshal([]byte(s), &list); err == nil {
			return list, nil
		}
	} else {
		var obj map[string]json.RawMessage
		if err = json.Unmarshal([]byte(s), &obj); err == nil {
			return oneList(obj)
		}
	}
	if truncated {
		if got := completeStrings(s); len(got) > 0 {
			return got, nil
		}
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return nil, &ReplyError{Offset: int(se.Offset), Reason: "malformed JSON: " + se.Error(), Kind: "malformed"}
	case errors.As(err, &te):
		return nil, &ReplyError{Offset: int(te.Offset), Reason: "JSON of the wrong shape: " + te.Error(), Kind: "malformed"}
	}
	return nil, &ReplyError{Reason: "malformed JSON: " + err.Error(), Kind: "malformed"}
}

// oneList returns the one member of obj that is an array of strings.
func oneList(obj map[string]json.RawMessage) ([]string, error) {
	var found []string
	n := 0
	for _, v := range obj {
		var l []string
		if json.Unmarshal(v, &l) == nil {
			found, n = l, n+1
		}
	}
	switch n {
	case 1:
		return found, nil
	case 0:
		return nil, &ReplyError{Reason: "a JSON object without an array of strings", Kind: "malformed"}
	}
	return nil, &ReplyError{Reason: fmt.Sprintf("a JSON object with %d arrays of strings, want one", n), Kind: "malformed"}
}

// completeStrings returns the strings of a JSON array (possibly inside an
// object) that a cut-off reply completed.
func completeStrings(s string) []string {
	dec := json.NewDecoder(strings.NewReader(s))
	var out []string
	var stack []json.Delim
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '[' || v == '{' {
				stack = append(stack, v)
			} else if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case string:
			if len(stack) > 0 && stack[len(stack)-1] == '[' {
				out = append(out, v)
			}
		}
	}
}

// numberedItem matches "12. text" or "12) text".
var numberedItem = regexp.MustCompile(`^\s*(\d{1,4})[.)]\s+(.*)$`)

// parseNumberedList reads numbered lines.
func parseNumberedList(s string, truncated bool) ([]string, error) {
	var list []string
	n := 0
	for line := range strings.Lines(s) {
		n++
		if strings.TrimSpace(line) == "" {
			continue
		}
		m := numberedItem.FindStringSubmatch(strings.TrimRight(line, "\r\n"))
		if m == nil {
			return nil, &ReplyError{Line: n, Reason: fmt.Sprintf("neither JSON nor a numbered line: %q", trimBody([]byte(line), nil)), Kind: "malformed"}
		}
		list = append(list, m[2])
	}
	if truncated && len(list) > 0 {
		list = list[:len(list)-1] // the last line may be cut
	}
	if len(list) == 0 {
		return nil, &ReplyError{Reason: "no text in the reply", Kind: "empty"}
	}
	return list, nil
}

// refusal reports whether a reply reads as a model declining.
func refusal(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"i'm sorry", "i am sorry", "sorry,", "i can't", "i cannot", "i can’t", "i’m sorry", "as an ai"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// cleanList trims texts, collapses white space, and drops blank ones and
// repeats.
func cleanList(list []string) []string {
	out := make([]string, 0, len(list))
	seen := map[string]bool{}
	for _, s := range list {
		s = collapseSpaces(s)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
