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
help-more-up = ↑ 更多
help-more-down = 更多 ↓
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
st-unindexed-more = { $first }（另有 { $n } 个）
st-prev-issue = 上一期：{ $title }
st-end-of-last = 最后一期已读到末尾
st-search-wrapped = 搜索已从头开始 · { $at }

## Issue 14：命令自己的话与 --help
cli-search-empty = search：要搜索的词句是空的
cli-indexing = 正在索引 { $done }/{ $all }
cli-index-rebuilt = 索引已损坏或由其他版本的 dubao 建立：已重建
cli-paths-none = paths：找不到 { $name } 的位置：没有主目录
cli-export-one = 要写出 { $n } 个文件，而 -o 只指定了一个：请给出一个文件夹，或只导出一期
cli-bookmarks-kept = 还有 { $n } 项更改尚未保存，暂存在 { $dir }（已列出；阅读器会保存它们）
cli-warning = { $at }：警告：{ $message }
cli-usage = 用法：
cli-commands = 命令：
cli-arguments = 参数：
cli-options = 选项：
cli-examples = 示例：
cli-examples-more = 文件、环境变量与退出状态：dubao man | man -l -
cli-possible = 可选值：{ $values }
cli-default = 默认：{ $value }
cli-notes = ［{ $notes }］
cli-notes-sep = ；
cli-list-comma = 、
cli-flag-help = 显示帮助
cli-flag-help-more = 显示帮助（--help 显示更多）
cli-flag-help-summary = 显示帮助（-h 显示摘要）
cli-flag-version = 显示版本
cli-help-about = 显示本帮助，或所给子命令的帮助
cli-help-subcommand = 显示这些子命令的帮助
cli-about = 读报 — 用键盘操作的终端读报器
cli-long-about = 读报 — 用键盘操作的终端读报器。

    打开报纸的期刊文件（报社发布的原始纯文本，或 dubao 的轻量标记）。不给 PATH 时，打开配置中的报库；没有配置报库时，打开 dubao 内置的样刊。输出被重定向到管道时，打印 `dubao list` 的内容。
cli-arg-paths = 要打开的期刊文件或目录（递归读取）
cli-arg-config = 读取此配置文件，而不是 { $path }
cli-arg-config-nowhere = 读取此配置文件（没有主目录可放置默认配置）
cli-arg-color = 何时使用颜色：auto（输出到终端时，除非设置了 NO_COLOR 或 TERM=dumb；CLICOLOR_FORCE 强制使用），always（总是），never（从不）
cli-arg-no_pager = 直接输出到终端，不经过分页器
cli-sub-paths = 期刊文件或目录（默认：报库，没有时用内置样刊）
cli-sub-script = 以另一种字形输出正文（不修改文件）
cli-dump-about = 打印解析器从各期读出的内容：每篇文章的每个字段
cli-dump-json = 输出 JSON：{"{"}"issues":[{"{"}"title","date","source","encoding","sections":[…]{"}"}]{"}"}
cli-dump-markup = 以 dubao 标记输出一期，解析后得到同样的结构
cli-dump-explain = 打印每个文件被识别成的格式及其原因，再逐行列出源文本及其角色（标题、副题、段落、无法识别的行……）
cli-show-about = 完全按文章窗格的排版打印文章
cli-show-path = 期刊文件
cli-show-article = 哪一篇：按列表顺序从 1 数起，或 `dubao list` 打印的 id（默认：全部）
cli-show-width = 窗格宽度（单位：格），20 到 240，即 `max_width` 允许的范围（默认：终端宽度，否则 80）
cli-show-ambiguous = 宽度不明确的字符（如 “ ” …）在此终端中的宽度
cli-show-noise = 逐行显示无法识别的行，而不是把每段收起为一行
cli-show-script = 显示正文所用的字形（默认：配置中的 `[display] script`）
cli-bookmarks-about = 列出你的书签，最新的在前
cli-bookmarks-json = 输出 JSON：{"{"}"bookmarks":[{"{"}"headline","issue","date","note","section","source","id","added"{"}"}]{"}"}
cli-bookmarks-markdown = 输出 Markdown 列表
cli-list-about = 列出各期 → 各版 → 标题，附文章 id
cli-search-about = 搜索报库中的所有文章：每处匹配一行，最新的一期在前
cli-search-phrase = 要搜索的词句：中日韩文字按子串匹配，ASCII 字母不区分大小写
cli-search-no_index = 逐个解析所有文件，不使用缓存目录中的索引
cli-search-fresh = 遍历每个文件夹、查看每个文件。不加此项时，只重新查看自索引上次遍历以来有变动的文件夹：就地改写、所在文件夹未变的文件不会被发现
cli-export-about = 把各期写成 Markdown、EPUB 或 HTML 文件（每期一个，或每篇一个）
cli-export-to = 要写出的格式
cli-export-output = 一个文件（只有一期时）、一个文件夹，或 - 表示标准输出（默认：配置中 [export] 的 `dir`）
cli-export-per_article = 每篇文章一个文件，而不是每期一个
cli-paths-about = 打印配置文件、状态文件和缓存所在的位置
cli-man-about = 打印 man 手册页（roff 格式）：dubao man | man -l -
cli-completions-about = 打印 shell 补全脚本
cli-completions-shell = 要补全的 shell
cli-example-read = 从上次读到的地方继续读报库（或内置样刊）
cli-example-folder = 读一个文件夹下的所有各期，最新的在前
cli-example-show = 一篇文章，按阅读器的排版
cli-example-search = 提到“运河”（或“運河”）的所有文章，最新的在前
cli-example-script = 以繁体字、台湾用语显示一期
cli-example-list = 以纯文本列出标题，供脚本使用
cli-example-explain = 一个文件为何被这样读取
cli-example-bookmarks = 把书签导出为 Markdown 列表
cli-example-paths = 配置、状态文件和缓存在哪里
cli-example-man = 阅读本手册
cli-example-completions = zsh 的 Tab 补全

## Issue 14：命令和阅读器所说的问题
err-at = { $path }：{ $problem }
err-not-found = 没有这个文件或目录
err-permission = 没有权限
err-is-directory = 是目录
err-directory-not-issue = 是目录，不是期刊文件
err-not-regular = 不是普通文件
err-not-a-directory = 路径中的一部分是文件，不是目录
err-no-issues = 此目录中没有期刊文件（{ $patterns }）
err-link-loop = 符号链接形成循环，已跳过
err-disk-full = 磁盘已满
err-quota = 超出磁盘配额
err-read-only = 只读
err-too-large = 文件太大
err-no-home = 没有主目录可以保存
err-config = 配置有误：{ $at }：{ $problem }
err-n-bookmarks = { $n } 个书签
err-n-read-marks = { $n } 个已读标记
err-n-positions = { $n } 个阅读位置
err-nothing = 无
err-and = { $rest }和 { $last }
err-list-comma = 、

## Issue 14：阅读器在启动和退出时说的保存情况
st-saved = 已保存
st-still-not-saved = 仍未保存：{ $why }
st-last-saved = { $n ->
    [1] 上次未保存的更改现已保存
   *[other] 上次未保存的 { $n } 项更改现已保存
}
st-last-saved-in = 上次未保存的 { $n } 项更改（暂存在 { $dirs }）现已保存
st-last-not-saved = 上次未保存的 { $n } 项更改仍未保存：{ $why }
exit-not-saved = { $n } 项更改未保存（{ $what }）：{ $why }
exit-kept-in = { $n ->
    [1] 这项更改
   *[other] 这些更改
}已暂存在 { $dir }，下次启动 dubao 时会保存
exit-kept-nowhere = { $n ->
    [1] 这项更改
   *[other] 这些更改
}也无处暂存（{ $why }），已丢失
exit-lost = { $n ->
    [1] 这项更改
   *[other] 这些更改
}已丢失
exit-saved-after-all = 所有更改都已保存（之前保存失败过：{ $why }）

## Issue 14：状态文件的情况
err-frozen = { $file } { $why }
store-count = { $kind ->
    [bookmarks] { $n } 个书签
    [read] { $n } 个已读标记
   *[other] { $n } 个阅读位置
}
store-news = { $n ->
    [0] 没有新内容
   *[other] { $count }是新的或更新的
}
store-no-home = 无法保存更改：没有主目录可以保存
store-not-created = 无法保存更改：无法创建 { $dir }（{ $why }）
store-read-only = 无法保存更改：{ $dir } 是只读的
store-cannot-write = 无法保存更改：{ $dir }：{ $why }
store-taken-in = 已从 { $dir } 接收另一个 dubao 未能保存的 { $n } 项更改
store-journal-damaged = 无法读取 { $path }（{ $why }）；已保留能读出的部分
store-frozen-newer = 来自更新版本的 dubao（版本 { $version }）
store-frozen-stuck = 无法读取，也无法移到一旁（{ $error }）
store-newer = { $file } 来自更新版本的 dubao（版本 { $version }）；对{ $kind ->
    [bookmarks] 书签
    [read] 已读标记
   *[other] 阅读位置
}的更改不会保存
store-damaged-left = 无法读取 { $file }（{ $why }）；已恢复 { $count }；文件保持原样
store-moved-aside = 无法读取 { $file }；已移到一旁，改名为 { $aside }（{ $why }）；已恢复 { $count }
store-not-moved = 无法读取 { $file }（{ $why }），也无法移到一旁（{ $error }）；已恢复 { $count }；对{ $kind ->
    [bookmarks] 书签
    [read] 已读标记
   *[other] 阅读位置
}的更改不会保存
store-merged = 已把 { $copy }（冲突副本：{ $news }）合并到 { $file }
store-merged-damaged = ；副本已损坏（{ $why }）：已合并能读出的部分
store-copy-left = { $merged }{ $damage }；副本留在原处
store-copy-now = { $merged }{ $damage }；副本现在位于 { $to }
store-copy-stuck = { $merged }{ $damage }；副本无法移到 { $dir }（{ $why }），留在原处
store-marked-kept = { $file } 中有 git 冲突标记：两边都已合并；git 留下的原文件保存为 { $kept }
store-marked-found = { $file } 中有 git 冲突标记：两边都已读取；阅读器在启动且能写入时会把它正式合并
store-copy-found = { $copy } 是 { $file } 的冲突副本，已一并读取（{ $news }）；阅读器在启动且能写入时会把它正式合并
err-not-text = 不是文本文件（{ $why }）
err-binary = 二进制数据：{ $nuls } 个 NUL 字节，第一个位于偏移 { $at }
err-garbled = 前 { $total } 个字符中有 { $bad } 个是控制字符或无法解码
err-too-large-for = { $len } 字节，超过 dubao 读取 .{ $ext } 的上限（{ $mb } MB）
