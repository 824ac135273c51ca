package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestGB18030InputIsRecognisedAndRead(t *testing.T) {
	utf8Text := "id,text,label\n1,我的银行卡丢了，请帮我冻结一下。,lost_card\n2,昨天转账5000元为什么还没到账？,transfer_not_received\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(utf8Text))
	require.NoError(t, err)
	dir := t.TempDir()
	in := filepath.Join(dir, "gbk.csv")
	require.NoError(t, os.WriteFile(in, gbk, 0o644))

	var out, errb bytes.Buffer
	code := run([]string{"augment", "-k", "1", in}, nil, &out, &errb)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, errb.String(), "gbk.csv: not UTF-8: the text looks GBK/GB18030-encoded")
	assert.Contains(t, errb.String(), "--encoding gb18030")

	out.Reset()
	errb.Reset()
	code = run([]string{"augment", "-k", "1", "--encoding", "gb18030", in}, nil, &out, &errb)
	require.Equal(t, exitOK, code, errb.String())
	assert.Contains(t, out.String(), "1,我的银行卡丢了，请帮我冻结一下。,lost_card\n")
	assert.Contains(t, errb.String(), "2 rows in, 2 written")
}

func TestOutputToADeviceIsNotReplaced(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"augment", "-k", "1", "-o", os.DevNull, "../../testdata/sentences.txt"}, nil, &out, &errb)
	require.Equal(t, exitOK, code, errb.String())
	st, err := os.Stat(os.DevNull)
	require.NoError(t, err)
	assert.False(t, st.Mode().IsRegular(), "%s became a regular file", os.DevNull)
}
