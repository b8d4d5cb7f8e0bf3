# dubao 的简体中文界面。这里的每条消息 en.ftl 和 zh-Hant.ftl 里都要有（有测试检查）。

## 各个操作（帮助）
action-down = 下移 / 向下滚动
action-up = 上移 / 向上滚动
action-page_down = 下一页
action-page_up = 上一页
action-half_page_down = 向下半页
action-half_page_up = 向上半页
action-top = 第一条标题 / 文章开头
action-bottom = 最后一条标题 / 文章末尾
action-open = 阅读文章 / 展开或收起 ⋯ 无法识别的行
action-back = 回到列表
action-switch_pane = 切换窗格
action-next_article = 下一篇
action-prev_article = 上一篇
action-next_section = 下一版
action-prev_section = 上一版
action-next_unread = 下一篇未读
action-next_issue = 下一期（更早）
action-prev_issue = 上一期（更新）
action-search = 在本期中搜索
action-search_next = 下一处匹配
action-search_prev = 上一处匹配
action-bookmark = 加书签 / 取消书签
action-bookmarks = 所有书签（跨各期）
action-issues = 选择一期（输入以筛选）
action-archive_search = 搜索所有各期
action-delete_bookmark = 在书签中：删除
action-edit_note = 在书签中：写备注
action-toggle_read = 标为已读 / 未读
action-wider = 加宽正文栏
action-narrower = 收窄正文栏
action-script = 显示字形：原文 → 简体 → 繁體
action-front_page = 本版版面；再按一次离开
action-help = 本帮助
action-quit = 退出
action-suspend = 挂起到终端

## 帮助
help-title = dubao · 按键（Esc 关闭）
help-now = { $what }（当前：{ $script }）

## 底栏
hint-move = 移动
hint-read = 阅读
hint-unfold = 展开
hint-fold = 收起
hint-next-prev = 下/上篇
hint-bookmark = 书签
hint-search = 搜索
hint-help = 帮助
hint-quit = 退出
hint-script-both = 简/繁
search-prompt-empty = 输入以在本期中搜索 · ⏎ 跳转 · Esc 取消
search-count = { $n ->
    [0] 无匹配
   *[other] { $n } 处匹配
}

## 顶栏与窗格
top-issue = 第 { $n }/{ $all } 期
top-loading = { $name } — 载入中…
top-indexing = 正在索引 { $done }/{ $all }
list-loading = 载入中…
list-title = { $total } 篇 · { $unread } 篇未读
list-place-unsaved = 阅读位置未保存
list-unsaved = { $n } 项未保存
time-left = 约剩 { $n } 分钟
too-small = 终端太小，请放大窗口
too-small-short = 太小

## 弹出窗口
overlay-close = 关闭
archive-hint-retype = 输入新的词句 · ⏎ 回到结果 · Esc 关闭
archive-hint-type = 输入词句 · ⏎ 搜索所有各期 · Esc 关闭
archive-choose = 选择
archive-read = 阅读匹配处
archive-new = 新搜索
archive-searching = 搜索中… 在 { $issues } 期中已找到 { $n } 处
archive-found-listed = 在 { $issues } 期中的 { $found } 期找到 { $n } 处，列出前 { $listed } 处
archive-found = 在 { $issues } 期中的 { $found } 期找到 { $n } 处
archive-every = 库中所有各期
archive-title = 搜索 · { $state }
archive-phrase = 词句：
bm-open = 打开
bm-delete = 删除
bm-note = 备注
bm-title = 书签 · { $n }
bm-missing = 期刊文件已不存在
bm-not-saved = 未保存
bm-none = 还没有书签 — 按 { $key } 为正在读的文章加书签
bm-deleted = 已删除书签：{ $headline } — 按 { $undo } 撤销
bm-note-removed = 已删除备注
bm-note-prompt = 备注：{ $note }{ $keys }
bm-note-set = 已保存备注
picker-hint = 输入以筛选 · ↑/↓ 选择 · ⏎ 阅读 · Esc 关闭
picker-title = 各期 · { $all } 期中的 { $n } 期
picker-filter = 筛选：
front-title = 版面 · { $name } · { $n }/{ $all }
front-hint = h/j/k/l 移动 · ⏎ 阅读 · { $page } 翻版 · { $close } 关闭

## 阅读时的提示
st-press-bookmarks = 按 { $key } 打开书签列表
st-last-article = 已是本期最后一篇
st-first-article = 已是本期第一篇
st-last-section = 已是最后一版
st-first-section = 已是第一版
st-no-unread = 本期没有未读文章
st-last-issue = 已是最后一期
st-first-issue = 已是第一期
st-not-found = 未找到：{ $query }
st-no-search = 没有搜索（按 / 搜索）
st-match = 第 { $n }/{ $all } 处匹配
st-marked-read = 已标为已读
st-marked-unread = 已标为未读
st-bookmark-removed = 已取消书签
st-bookmarked = 已加书签
st-column = 正文栏最宽 { $n } 格
st-script = 字形：{ $script }
st-file-gone = 期刊文件已不存在：{ $file }
st-no-longer = “{ $headline }”已不在 { $file } 中
st-not-saved = 未保存：{ $why } · { $n } 项未保存，{ $aside }每次更改和退出时都会重试
st-kept-aside = 已另行保留，
st-place-not-saved = 阅读位置未保存：{ $why }
st-saved-now = 现已保存
st-saved-one = 未保存的更改现已保存
st-saved-all = { $n } 项未保存的更改现已全部保存

## 命令
cli-is-directory = { $path }：是目录（dubao show 只接受一个期刊文件）
cli-no-article = { $source }：没有第 { $n } 篇（本期共 { $all } 篇）
cli-markup-one = dump --markup 只输出一期；给出了 { $n } 期

## Issue 12 and 13: exports, the pipe, undo, wrapping
action-export = 导出文章（在列表中：整期）
action-pipe = 把文章正文传给一个命令
help-scroll = 滚动
help-top-end = 顶部/末尾
hint-next-article = 下一篇
hint-next-issue = 下一期
search-again = ⏎ 再搜一次 · 输入即替换
top-not-readable = 无法读取
count-articles = { $n } 篇
archive-none = { $issues } 期中没有匹配
bm-export-all = 全部导出
bm-restored = 已恢复书签：{ $headline }
bm-none-left = 没有书签了
bm-note-keys = ⏎ 保存 · Esc 取消
pipe-keys = ⏎ 运行 · ↑↓ 以前的命令 · Esc 取消
pipe-no-command = 没有传出：没有命令
pipe-no-article = 没有可传出的文章
pipe-done = 已传给 { $command }
pipe-exit = { $command }：退出状态 { $code }
export-no-issue = 没有可导出的期刊
export-what-article = 文章
export-what-issue = 本期
export-what-bookmarks = { $n } 个书签
export-done = { $what }已导出到 { $path }
export-failed = 未导出：{ $path }：{ $why }
st-no-unread-older = 本期及更早各期都没有未读文章
st-no-unread-either = 本期也没有未读文章
st-next-issue = 下一期：{ $title }
st-end-of-last = 最后一期已读到末尾
st-search-wrapped = 搜索已从头开始 · { $at }
