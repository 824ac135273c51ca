package pinyin_test

import (
	"fmt"

	"github.com/textaug/textaug/synonyms/pinyin"
)

func ExampleConfusions() {
	var c pinyin.Confusions // homophones of the first reading
	fmt.Println(string(c.Confusable('在')))
	fmt.Println(string(c.Confusable('他')))
	fmt.Println(string(c.Confusable('的')))
	fmt.Println(c.Confusable('後') == nil) // traditional: no candidates

	all := pinyin.Confusions{AllReadings: true}
	fmt.Println(string(all.Confusable('得')))

	fuzzy := pinyin.Confusions{Fuzzy: pinyin.FuzzyNL}
	fmt.Println(string(fuzzy.Confusable('南')))
	// Output:
	// 仔再哉宰栽灾载
	// 塌塔她它挞獭踏蹋
	// 得德
	// true
	// 地底德登的
	// 兰婪懒拦揽栏滥澜烂男篮缆蓝览谰阑难
}

func ExampleReadings() {
	fmt.Println(pinyin.Readings('长'), pinyin.Readings('绿'))
	// Output: [zhang chang] [lv lu]
}
