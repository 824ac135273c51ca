module github.com/textaug/textaug

go 1.26
