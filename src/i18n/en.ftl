# dubao's interface in English. Every message here must be in
# zh-Hans.ftl and zh-Hant.ftl too (a test checks).

## What each action does (help)
action-down = move down / scroll down
action-up = move up / scroll up
action-page_down = page down
action-page_up = page up
action-half_page_down = half a page down
action-half_page_up = half a page up
action-top = first headline / top of article
action-bottom = last headline / end of article
action-open = read the article / show or fold ⋯ noise
action-back = back to the list
action-switch_pane = switch pane
action-next_article = next article
action-prev_article = previous article
action-next_section = next section
action-prev_section = previous section
action-next_unread = next unread article
action-next_issue = next (older) issue
action-prev_issue = previous (newer) issue
action-search = search this issue
action-search_next = next match
action-search_prev = previous match
action-bookmark = bookmark / unbookmark
action-bookmarks = all bookmarks, across issues
action-issues = pick an issue (type to filter)
action-archive_search = search every issue
action-delete_bookmark = in the bookmarks: delete one
action-edit_note = in the bookmarks: write a note
action-toggle_read = mark read / unread
action-wider = wider text column
action-narrower = narrower text column
action-script = script shown: as printed → 简体 → 繁體
action-front_page = the section's front page (版面); again to leave
action-help = this help
action-quit = quit
action-suspend = suspend to the shell

## Help
help-title = dubao · keys (Esc closes)
help-now = { $what } (now { $script })

## The bottom line
hint-move = move
hint-read = read
hint-unfold = unfold
hint-fold = fold
hint-next-prev = next/prev
hint-bookmark = bookmark
hint-search = search
hint-help = help
hint-quit = quit
hint-script-both = 简/繁
search-prompt-empty = type to search this issue · ⏎ jump · Esc cancel
search-count = { $n ->
    [0] no matches
    [one] 1 match
   *[other] { $n } matches
}

## The top line, the panes
top-issue = issue { $n }/{ $all }
top-loading = { $name } — loading…
top-indexing = indexing { $done }/{ $all }
list-loading = loading…
list-title = { $total ->
    [one] 1 article
   *[other] { $total } articles
} · { $unread } unread
list-place-unsaved = place unsaved
list-unsaved = { $n } unsaved
time-left = ≈ { $n } min left
too-small = terminal too small — enlarge it
too-small-short = too small

## Overlays
overlay-close = close
archive-hint-retype = type a new phrase · ⏎ back to the results · Esc close
archive-hint-type = type a phrase · ⏎ search every issue · Esc close
archive-choose = choose
archive-read = read at the match
archive-new = new search
archive-searching = searching… { $n ->
    [one] 1 match
   *[other] { $n } matches
} in { $issues ->
    [one] 1 issue
   *[other] { $issues } issues
}
archive-found-listed = { $n ->
    [one] 1 match
   *[other] { $n } matches
} in { $found } of { $issues ->
    [one] 1 issue
   *[other] { $issues } issues
}, the first { $listed } listed
archive-found = { $n ->
    [one] 1 match
   *[other] { $n } matches
} in { $found } of { $issues ->
    [one] 1 issue
   *[other] { $issues } issues
}
archive-every = every issue in the library
archive-title = search · { $state }
archive-phrase = phrase:
bm-open = open
bm-delete = delete
bm-note = note
bm-title = bookmarks · { $n }
bm-missing = issue file missing
bm-not-saved = not saved
bm-none = no bookmarks yet — { $key } bookmarks the article you are reading
bm-deleted = bookmark deleted: { $headline } — { $undo } undoes
bm-note-removed = note removed
bm-note-prompt = note: { $note }{ $keys }
bm-note-set = note set
picker-hint = type to filter · ↑/↓ choose · ⏎ read · Esc close
picker-title = issues · { $n } of { $all }
picker-filter = filter:
front-title = front page (版面) · { $name } · { $n }/{ $all }
front-hint = h/j/k/l move · ⏎ read · { $page } page · { $close } close

## Messages while reading
st-press-bookmarks = press { $key } for the bookmarks list
st-last-article = last article of this issue
st-first-article = first article of this issue
st-last-section = last section
st-first-section = first section
st-no-unread = no unread articles in this issue
st-last-issue = last issue
st-first-issue = first issue
st-not-found = not found: { $query }
st-no-search = no search (press / to search)
st-match = match { $n } of { $all }
st-marked-read = marked read
st-marked-unread = marked unread
st-bookmark-removed = bookmark removed
st-bookmarked = bookmarked
st-column = text column at most { $n } cells
st-script = script: { $script }
st-file-gone = the issue file is gone: { $file }
st-no-longer = “{ $headline }” is no longer in { $file }
st-not-saved = not saved: { $why } · { $n } unsaved,{ $aside } retried with each change and at quit
st-kept-aside = {" "}kept aside,
st-place-not-saved = reading place not saved: { $why }
st-saved-now = saved now
st-saved-one = the unsaved change is saved now
st-saved-all = all { $n } unsaved changes are saved now

## The commands
cli-is-directory = { $path }: is a directory (dubao show takes one issue file)
cli-no-article = { $source }: no article { $n } (the issue has { $all })
cli-markup-one = dump --markup writes one issue; { $n } were given

## Issue 12 and 13: exports, the pipe, undo, wrapping
action-export = export the article (in the list: the issue)
action-pipe = pipe the article's text to a command
help-scroll = scroll
help-top-end = top/end
hint-next-article = next article
hint-next-issue = next issue
search-again = ⏎ again · typing replaces it
top-not-readable = not readable
count-articles = { $n ->
    [one] 1 article
   *[other] { $n } articles
}
archive-none = no matches in { $issues ->
    [one] 1 issue
   *[other] { $issues } issues
}
bm-export-all = export all
bm-restored = bookmark restored: { $headline }
bm-none-left = no bookmarks left
bm-note-keys = ⏎ keep · Esc cancel
pipe-keys = ⏎ run · ↑↓ earlier commands · Esc cancel
pipe-no-command = nothing piped: no command
pipe-no-article = no article to pipe
pipe-done = piped to { $command }
pipe-exit = { $command }: exit status { $code }
export-no-issue = no issue to export
export-what-article = article
export-what-issue = issue
export-what-bookmarks = { $n ->
    [one] 1 bookmark
   *[other] { $n } bookmarks
}
export-done = { $what } exported to { $path }
export-failed = not exported: { $path }: { $why }
st-no-unread-older = no unread articles in this issue or older ones
st-no-unread-either = no unread articles in this issue either
st-next-issue = next issue: { $title }
st-end-of-last = end of the last issue
st-search-wrapped = search wrapped · { $at }
