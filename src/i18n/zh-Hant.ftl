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
help-more-up = ↑ 更多
help-more-down = 更多 ↓
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
st-unindexed-more = { $first }（另有 { $n } 個）
st-prev-issue = 上一期：{ $title }
st-end-of-last = 最後一期已讀到末尾
st-search-wrapped = 搜尋已從頭開始 · { $at }

## Issue 14：命令自己的話與 --help
cli-search-empty = search：要搜尋的詞句是空的
cli-indexing = 正在索引 { $done }/{ $all }
cli-index-rebuilt = 索引已損壞或由其他版本的 dubao 建立：已重建
cli-paths-none = paths：找不到 { $name } 的位置：沒有家目錄
cli-export-one = 要寫出 { $n } 個檔案，而 -o 只指定了一個：請給一個資料夾，或只匯出一期
cli-bookmarks-kept = 還有 { $n } 項變更尚未儲存，暫存在 { $dir }（已列出；閱讀器會儲存它們）
cli-warning = { $at }：警告：{ $message }
cli-usage = 用法：
cli-commands = 命令：
cli-arguments = 引數：
cli-options = 選項：
cli-examples = 範例：
cli-examples-more = 檔案、環境變數與結束狀態：dubao man | man -l -
cli-possible = 可選值：{ $values }
cli-default = 預設：{ $value }
cli-notes = ［{ $notes }］
cli-notes-sep = ；
cli-list-comma = 、
cli-flag-help = 顯示說明
cli-flag-help-more = 顯示說明（--help 顯示更多）
cli-flag-help-summary = 顯示說明（-h 顯示摘要）
cli-flag-version = 顯示版本
cli-help-about = 顯示本說明，或所給子命令的說明
cli-help-subcommand = 顯示這些子命令的說明
cli-about = 讀報 — 用鍵盤操作的終端機讀報程式
cli-long-about = 讀報 — 用鍵盤操作的終端機讀報程式。

    開啟報紙的期刊檔案（報社發布的原始純文字，或 dubao 的輕量標記）。不給 PATH 時，開啟設定中的報庫；沒有設定報庫時，開啟 dubao 內建的樣刊。輸出被導向管線時，印出 `dubao list` 的內容。
cli-arg-paths = 要開啟的期刊檔案或目錄（遞迴讀取）
cli-arg-config = 讀取這個設定檔，而不是 { $path }
cli-arg-config-nowhere = 讀取這個設定檔（沒有家目錄可放預設的設定檔）
cli-arg-color = 何時使用色彩：auto（輸出到終端機時，除非設定了 NO_COLOR 或 TERM=dumb；CLICOLOR_FORCE 強制使用），always（一律），never（從不）
cli-arg-no_pager = 直接輸出到終端機，不經過分頁程式
cli-sub-paths = 期刊檔案或目錄（預設：報庫，沒有時用內建樣刊）
cli-sub-script = 以另一種字形輸出正文（不修改檔案）
cli-dump-about = 印出解析器從各期讀出的內容：每篇文章的每個欄位
cli-dump-json = 輸出 JSON：{"{"}"issues":[{"{"}"title","date","source","encoding","sections":[…]{"}"}]{"}"}
cli-dump-markup = 以 dubao 標記輸出一期，解析後得到同樣的結構
cli-dump-explain = 印出每個檔案被判定的格式及其原因，再逐行列出原始文字及其角色（標題、副題、段落、無法辨識的行……）
cli-show-about = 完全依照文章窗格的排版印出文章
cli-show-path = 期刊檔案
cli-show-article = 哪一篇：依列表順序從 1 數起，或 `dubao list` 印出的 id（預設：全部）
cli-show-width = 窗格寬度（單位：格），20 到 240，即 `max_width` 允許的範圍（預設：終端機寬度，否則 80）
cli-show-ambiguous = 寬度不明確的字元（如 “ ” …）在這個終端機中的寬度
cli-show-noise = 逐行顯示無法辨識的行，而不是把每段收合為一行
cli-show-script = 顯示正文所用的字形（預設：設定中的 `[display] script`）
cli-bookmarks-about = 列出你的書籤，最新的在前
cli-bookmarks-json = 輸出 JSON：{"{"}"bookmarks":[{"{"}"headline","issue","date","note","section","source","id","added"{"}"}]{"}"}
cli-bookmarks-markdown = 輸出 Markdown 列表
cli-list-about = 列出各期 → 各版 → 標題，附文章 id
cli-search-about = 搜尋報庫中的所有文章：每處符合一行，最新的一期在前
cli-search-phrase = 要搜尋的詞句：中日韓文字依子字串比對，ASCII 字母不分大小寫
cli-search-no_index = 逐一解析所有檔案，不使用快取目錄中的索引
cli-search-fresh = 走訪每個資料夾、檢查每個檔案。不加此項時，只重新檢查自索引上次走訪以來有變動的資料夾：就地改寫、所在資料夾未變的檔案不會被發現
cli-export-about = 把各期寫成 Markdown、EPUB 或 HTML 檔案（每期一個，或每篇一個）
cli-export-to = 要寫出的格式
cli-export-output = 一個檔案（只有一期時）、一個資料夾，或以 - 表示標準輸出（預設：設定中 [export] 的 `dir`）
cli-export-per_article = 每篇文章一個檔案，而不是每期一個
cli-paths-about = 印出設定檔、狀態檔案和快取所在的位置
cli-man-about = 印出 man 手冊頁（roff 格式）：dubao man | man -l -
cli-completions-about = 印出 shell 自動完成指令碼
cli-completions-shell = 要自動完成的 shell
cli-example-read = 從上次讀到的地方繼續讀報庫（或內建樣刊）
cli-example-folder = 讀一個資料夾下的所有各期，最新的在前
cli-example-show = 一篇文章，依閱讀器的排版
cli-example-search = 提到「运河」（或「運河」）的所有文章，最新的在前
cli-example-script = 以繁體字、臺灣用語顯示一期
cli-example-list = 以純文字列出標題，供指令碼使用
cli-example-explain = 一個檔案為何被這樣讀取
cli-example-bookmarks = 把書籤匯出為 Markdown 列表
cli-example-paths = 設定、狀態檔案和快取在哪裡
cli-example-man = 閱讀本手冊
cli-example-completions = zsh 的 Tab 自動完成

## Issue 14：命令和閱讀器所說的問題
err-at = { $path }：{ $problem }
err-not-found = 沒有這個檔案或目錄
err-permission = 沒有權限
err-is-directory = 是目錄
err-directory-not-issue = 是目錄，不是期刊檔案
err-not-regular = 不是一般檔案
err-not-a-directory = 路徑中的一部分是檔案，不是目錄
err-no-issues = 這個目錄中沒有期刊檔案（{ $patterns }）
err-link-loop = 符號連結形成迴圈，已略過
err-disk-full = 磁碟已滿
err-quota = 超出磁碟配額
err-read-only = 唯讀
err-too-large = 檔案太大
err-no-home = 沒有家目錄可以儲存
err-config = 設定有誤：{ $at }：{ $problem }
err-n-bookmarks = { $n } 個書籤
err-n-read-marks = { $n } 個已讀標記
err-n-positions = { $n } 個閱讀位置
err-nothing = 無
err-and = { $rest }和 { $last }
err-list-comma = 、

## Issue 14：閱讀器在啟動和離開時說的儲存情況
st-saved = 已儲存
st-still-not-saved = 仍未儲存：{ $why }
st-last-saved = { $n ->
    [1] 上次未儲存的變更現已儲存
   *[other] 上次未儲存的 { $n } 項變更現已儲存
}
st-last-saved-in = 上次未儲存的 { $n } 項變更（暫存在 { $dirs }）現已儲存
st-last-not-saved = 上次未儲存的 { $n } 項變更仍未儲存：{ $why }
exit-not-saved = { $n } 項變更未儲存（{ $what }）：{ $why }
exit-kept-in = { $n ->
    [1] 這項變更
   *[other] 這些變更
}已暫存在 { $dir }，下次啟動 dubao 時會儲存
exit-kept-nowhere = { $n ->
    [1] 這項變更
   *[other] 這些變更
}也無處暫存（{ $why }），已遺失
exit-lost = { $n ->
    [1] 這項變更
   *[other] 這些變更
}已遺失
exit-saved-after-all = 所有變更都已儲存（先前儲存失敗過：{ $why }）

## Issue 14：狀態檔案的情況
err-frozen = { $file } { $why }
store-count = { $kind ->
    [bookmarks] { $n } 個書籤
    [read] { $n } 個已讀標記
   *[other] { $n } 個閱讀位置
}
store-news = { $n ->
    [0] 沒有新內容
   *[other] { $count }是新的或較新的
}
store-no-home = 無法儲存變更：沒有家目錄可以儲存
store-not-created = 無法儲存變更：無法建立 { $dir }（{ $why }）
store-read-only = 無法儲存變更：{ $dir } 是唯讀的
store-cannot-write = 無法儲存變更：{ $dir }：{ $why }
store-taken-in = 已從 { $dir } 接收另一個 dubao 未能儲存的 { $n } 項變更
store-journal-damaged = 無法讀取 { $path }（{ $why }）；已保留能讀出的部分
store-frozen-newer = 來自較新版本的 dubao（版本 { $version }）
store-frozen-stuck = 無法讀取，也無法移到一旁（{ $error }）
store-newer = { $file } 來自較新版本的 dubao（版本 { $version }）；對{ $kind ->
    [bookmarks] 書籤
    [read] 已讀標記
   *[other] 閱讀位置
}的變更不會儲存
store-damaged-left = 無法讀取 { $file }（{ $why }）；已復原 { $count }；檔案保持原樣
store-moved-aside = 無法讀取 { $file }；已移到一旁，改名為 { $aside }（{ $why }）；已復原 { $count }
store-not-moved = 無法讀取 { $file }（{ $why }），也無法移到一旁（{ $error }）；已復原 { $count }；對{ $kind ->
    [bookmarks] 書籤
    [read] 已讀標記
   *[other] 閱讀位置
}的變更不會儲存
store-merged = 已把 { $copy }（衝突副本：{ $news }）合併到 { $file }
store-merged-damaged = ；副本已損壞（{ $why }）：已合併能讀出的部分
store-copy-left = { $merged }{ $damage }；副本留在原處
store-copy-now = { $merged }{ $damage }；副本現在位於 { $to }
store-copy-stuck = { $merged }{ $damage }；副本無法移到 { $dir }（{ $why }），留在原處
store-marked-kept = { $file } 中有 git 衝突標記：兩邊都已合併；git 留下的原檔案保存為 { $kept }
store-marked-found = { $file } 中有 git 衝突標記：兩邊都已讀取；閱讀器在啟動且能寫入時會將它正式合併
store-copy-found = { $copy } 是 { $file } 的衝突副本，已一併讀取（{ $news }）；閱讀器在啟動且能寫入時會將它正式合併
err-not-text = 不是文字檔案（{ $why }）
err-binary = 二進位資料：{ $nuls } 個 NUL 位元組，第一個位於位移 { $at }
err-garbled = 前 { $total } 個字元中有 { $bad } 個是控制字元或無法解碼
err-too-large-for = { $len } 位元組，超過 dubao 讀取 .{ $ext } 的上限（{ $mb } MB）
