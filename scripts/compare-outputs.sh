#!/usr/bin/env bash
# compare-outputs.sh OLD NEW [ROWS]: runs two textaug binaries on the first
# ROWS (default 300) rows of each shared data set with each preset, seed 7,
# and reports every pair whose output differs by a byte. It is how a change
# that should leave output alone is checked (see docs/performance.md).
# The data comes from ${TEXTAUG_DATA:-../shared/data}; scratch files live in
# a temporary directory that is removed at the end.
set -euo pipefail
old=$1 new=$2 rows=${3:-300}
data=${TEXTAUG_DATA:-../shared/data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
empty=$(printf '' | sha256sum)
n=0 fail=0
for set in banking77 financial_phrasebank_allagree financial_phrasebank_50agree crosswoz_intent_zh cped_sentiment_zh; do
  in=$tmp/$set.jsonl
  head -n "$rows" "$data/$set/train.jsonl" >"$in"
  for preset in readable readable-strict shuffle eda aeda finance intent; do
    a=$("$old" augment --preset "$preset" --seed 7 -o - "$in" 2>/dev/null | sha256sum)
    b=$("$new" augment --preset "$preset" --seed 7 -o - "$in" 2>/dev/null | sha256sum)
    n=$((n + 1))
    if [ "$a" = "$empty" ]; then
      echo "no output: $set $preset"
      fail=1
    elif [ "$a" != "$b" ]; then
      echo "differs: $set $preset"
      fail=1
    fi
  done
done
echo "$n comparisons, $([ $fail = 0 ] && echo 'all byte-identical' || echo 'some differ')"
exit $fail
