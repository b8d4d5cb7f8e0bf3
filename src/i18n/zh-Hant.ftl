# dubao 的繁體中文介面。這裡的每則訊息 en.ftl 和 zh-Hans.ftl 裡都要有（有測試檢查）。

## 各個操作（說明）
action-down = 下移 / 向下捲動
action-up = 上移 / 向上捲動
action-page_down = 下一頁
action-page_up = 上一頁
action-half_page_down = 向下半頁
action-half_page_up = 向上半頁
action-top = 第一則標題 / 文章開頭
action-bottom = 最後一則標題 / 文章末尾
action-open = 閱讀文章 / 展開或收合 ⋯ 無法辨識的行
action-back = 回到列表
action-switch_pane = 切換窗格
action-next_article = 下一篇
action-prev_article = 上一篇
action-next_section = 下一版
action-prev_section = 上一版
action-next_unread = 下一篇未讀
action-next_issue = 下一期（較早）
action-prev_issue = 上一期（較新）
action-search = 在本期中搜尋
action-search_next = 下一處相符
action-search_prev = 上一處相符
action-bookmark = 加書籤 / 取消書籤
action-bookmarks = 所有書籤（跨各期）
action-issues = 選擇一期（輸入以篩選）
action-archive_search = 搜尋所有各期
action-delete_bookmark = 在書籤中：刪除
action-edit_note = 在書籤中：寫備註
action-toggle_read = 標為已讀 / 未讀
action-wider = 加寬內文欄
action-narrower = 縮窄內文欄
action-script = 顯示字形：原文 → 简体 → 繁體
action-front_page = 本版版面；再按一次離開
action-help = 本說明
action-quit = 離開
action-suspend = 暫停回到終端機

## 說明
help-title = dubao · 按鍵（Esc 關閉）
help-now = { $what }（目前：{ $script }）

## 底列
hint-move = 移動
hint-read = 閱讀
hint-unfold = 展開
hint-fold = 收合
hint-next-prev = 下/上篇
hint-bookmark = 書籤
hint-search = 搜尋
hint-help = 說明
hint-quit = 離開
hint-script-both = 简/繁
search-prompt-empty = 輸入以在本期中搜尋 · ⏎ 跳至 · Esc 取消
search-count = { $n ->
    [0] 無相符
   *[other] { $n } 處相符
}

## 頂列與窗格
top-issue = 第 { $n }/{ $all } 期
top-loading = { $name } — 載入中…
top-indexing = 正在索引 { $done }/{ $all }
list-loading = 載入中…
list-title = { $total } 篇 · { $unread } 篇未讀
list-place-unsaved = 閱讀位置未儲存
list-unsaved = { $n } 項未儲存
time-left = 約剩 { $n } 分鐘
too-small = 終端機太小，請放大視窗
too-small-short = 太小

## 彈出視窗
overlay-close = 關閉
archive-hint-retype = 輸入新的詞句 · ⏎ 回到結果 · Esc 關閉
archive-hint-type = 輸入詞句 · ⏎ 搜尋所有各期 · Esc 關閉
archive-choose = 選擇
archive-read = 閱讀相符處
archive-new = 新搜尋
archive-searching = 搜尋中… 在 { $issues } 期中已找到 { $n } 處
archive-found-listed = 在 { $issues } 期中的 { $found } 期找到 { $n } 處，列出前 { $listed } 處
archive-found = 在 { $issues } 期中的 { $found } 期找到 { $n } 處
archive-every = 庫中所有各期
archive-title = 搜尋 · { $state }
archive-phrase = 詞句：
bm-open = 開啟
bm-delete = 刪除
bm-note = 備註
bm-title = 書籤 · { $n }
bm-missing = 期刊檔案已不存在
bm-not-saved = 未儲存
bm-none = 還沒有書籤 — 按 { $key } 為正在讀的文章加書籤
bm-deleted = 已刪除書籤：{ $headline } — 按 { $undo } 復原
bm-note-removed = 已刪除備註
bm-note-prompt = 備註：{ $note }{ $keys }
bm-note-set = 已儲存備註
picker-hint = 輸入以篩選 · ↑/↓ 選擇 · ⏎ 閱讀 · Esc 關閉
picker-title = 各期 · { $all } 期中的 { $n } 期
picker-filter = 篩選：
front-title = 版面 · { $name } · { $n }/{ $all }
front-hint = h/j/k/l 移動 · ⏎ 閱讀 · { $page } 翻版 · { $close } 關閉

## 閱讀時的提示
st-press-bookmarks = 按 { $key } 開啟書籤列表
st-last-article = 已是本期最後一篇
st-first-article = 已是本期第一篇
st-last-section = 已是最後一版
st-first-section = 已是第一版
st-no-unread = 本期沒有未讀文章
st-last-issue = 已是最後一期
st-first-issue = 已是第一期
st-not-found = 找不到：{ $query }
st-no-search = 沒有搜尋（按 / 搜尋）
st-match = 第 { $n }/{ $all } 處相符
st-marked-read = 已標為已讀
st-marked-unread = 已標為未讀
st-bookmark-removed = 已取消書籤
st-bookmarked = 已加書籤
st-column = 內文欄最寬 { $n } 格
st-script = 字形：{ $script }
st-file-gone = 期刊檔案已不存在：{ $file }
st-no-longer = 「{ $headline }」已不在 { $file } 中
st-not-saved = 未儲存：{ $why } · { $n } 項未儲存，{ $aside }每次變更和離開時都會重試
st-kept-aside = 已另行保留，
st-place-not-saved = 閱讀位置未儲存：{ $why }
st-saved-now = 現已儲存
st-saved-one = 未儲存的變更現已儲存
st-saved-all = { $n } 項未儲存的變更現已全部儲存

## 命令
cli-is-directory = { $path }：是目錄（dubao show 只接受一個期刊檔案）
cli-no-article = { $source }：沒有第 { $n } 篇（本期共 { $all } 篇）
cli-markup-one = dump --markup 只輸出一期；給出了 { $n } 期

## Issue 12 and 13: exports, the pipe, undo, wrapping
action-export = 匯出文章（在列表中：整期）
action-pipe = 把文章正文傳給一個命令
help-scroll = 捲動
help-top-end = 頂部/末尾
hint-next-article = 下一篇
hint-next-issue = 下一期
search-again = ⏎ 再搜一次 · 輸入即取代
top-not-readable = 無法讀取
count-articles = { $n } 篇
archive-none = { $issues } 期中沒有相符
bm-export-all = 全部匯出
bm-restored = 已恢復書籤：{ $headline }
bm-none-left = 沒有書籤了
bm-note-keys = ⏎ 儲存 · Esc 取消
pipe-keys = ⏎ 執行 · ↑↓ 先前的命令 · Esc 取消
pipe-no-command = 沒有傳出：沒有命令
pipe-no-article = 沒有可傳出的文章
pipe-done = 已傳給 { $command }
pipe-exit = { $command }：結束狀態 { $code }
export-no-issue = 沒有可匯出的期刊
export-what-article = 文章
export-what-issue = 本期
export-what-bookmarks = { $n } 個書籤
export-done = { $what }已匯出到 { $path }
export-failed = 未匯出：{ $path }：{ $why }
st-no-unread-older = 本期及更早各期都沒有未讀文章
st-no-unread-either = 本期也沒有未讀文章
st-next-issue = 下一期：{ $title }
st-end-of-last = 最後一期已讀到末尾
st-search-wrapped = 搜尋已從頭開始 · { $at }
