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
help-more-up = ↑ more
help-more-down = more ↓
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
st-unindexed-more = { $first } (and { $n } more)
st-prev-issue = previous issue: { $title }
st-end-of-last = end of the last issue
st-search-wrapped = search wrapped · { $at }

## Issue 14: the commands' own words and --help
# Messages of `dubao` itself, on stderr.
cli-search-empty = search: the phrase is empty
cli-indexing = indexing { $done }/{ $all }
cli-index-rebuilt = the index was damaged or made by another dubao: it was rebuilt
cli-paths-none = paths: no { $name } place: no home directory was found
cli-export-one = { $n } files to write and -o names one: give a folder, or one issue
cli-bookmarks-kept = { $n ->
    [one] 1 change
   *[other] { $n } changes
} not saved yet, kept in { $dir } (listed; the reader saves them)
cli-warning = { $at }: warning: { $message }
# --help: the headings clap writes, and what it says after a help.
cli-usage = Usage:{" "}
cli-commands = Commands:
cli-arguments = Arguments:
cli-options = Options:
cli-examples = Examples:
cli-examples-more = Files, environment and exit status: dubao man | man -l -
cli-possible = possible values: { $values }
cli-default = default: { $value }
cli-notes = {" "}[{ $notes }]
cli-notes-sep = ; {""}
cli-list-comma = , {""}
cli-flag-help = Print help
cli-flag-help-more = Print help (see more with '--help')
cli-flag-help-summary = Print help (see a summary with '-h')
cli-flag-version = Print version
cli-help-about = Print this message or the help of the given subcommand(s)
cli-help-subcommand = Print help for the subcommand(s)
# --help: dubao and its options. Each is what main.rs's doc comments say (a test checks).
cli-about = 读报 — a keyboard-driven terminal newspaper reader
cli-long-about = 读报 — a keyboard-driven terminal newspaper reader.

    Opens newspaper issue files (raw plain text as papers publish it, or dubao's light markup). With no PATH, opens the library from the config, else the sample issues built into dubao. With its output piped, prints what `dubao list` prints.
cli-arg-paths = Issue files or directories (read recursively) to open
cli-arg-config = Read this config file instead of { $path }
cli-arg-config-nowhere = Read this config file (there is no home directory for one)
cli-arg-color = When to colour: auto (a terminal, unless NO_COLOR or TERM=dumb; CLICOLOR_FORCE forces), always, never
cli-arg-no_pager = Print straight to the terminal, never through a pager
cli-sub-paths = Issue files or directories (default: the library, else the bundled samples)
cli-sub-script = Print the text in another script (the files are not changed)
cli-dump-about = Print what the parser made of issues: every field of every article
cli-dump-json = Print JSON: {"{"}"issues":[{"{"}"title","date","source","encoding","sections":[…]{"}"}]{"}"}
cli-dump-markup = Print one issue as dubao markup, which parses back to the same structure
cli-dump-explain = Print the shape found in each file and why, then every source line with the role it was given (headline, deck, paragraph, noise, …)
cli-show-about = Print articles laid out exactly as the article pane shows them
cli-show-path = The issue file
cli-show-article = Which article: 1-based in list order, or the id `dubao list` prints (default: all)
cli-show-width = Pane width in cells, 20 to 240, as `max_width` allows (default: the terminal width, else 80)
cli-show-ambiguous = Width of ambiguous characters like “ ” … — in this terminal
cli-show-noise = Show unreadable lines (noise) instead of folding each stretch into one line
cli-show-script = The script to show the text in (default: the config's `[display] script`)
cli-bookmarks-about = Print your bookmarks, newest first
cli-bookmarks-json = Print JSON: {"{"}"bookmarks":[{"{"}"headline","issue","date","note","section","source","id","added"{"}"}]{"}"}
cli-bookmarks-markdown = Print a Markdown list
cli-list-about = List issues → sections → headlines, with article ids
cli-search-about = Search every article of the archive: one line per match, newest issue first
cli-search-phrase = The phrase: CJK as a substring, ASCII letters in any case
cli-search-no_index = Parse every file instead of using the index in the cache directory
cli-search-fresh = Walk every folder and look at every file. Without it, only the folders changed since the index's last walk are looked at again: a file rewritten in place, its folder left alone, is not seen
cli-export-about = Write issues as Markdown, EPUB or HTML files (one per issue, or per article)
cli-export-to = The format to write
cli-export-output = A file (for one issue), a folder, or - for stdout (default: `dir` in the config's [export])
cli-export-per_article = One file per article instead of one per issue
cli-paths-about = Print where the config file, the state files and the cache are
cli-man-about = Print the man page (roff): dubao man | man -l -
cli-completions-about = Print a shell completion script
cli-completions-shell = The shell to complete for
cli-example-read = Read the library (or the bundled samples) where you left off
cli-example-folder = Read every issue under a folder, newest first
cli-example-show = One article, set as the reader sets it
cli-example-search = Every article mentioning 运河 (or 運河), newest first
cli-example-script = An issue in traditional characters, Taiwan phrasing
cli-example-list = Headlines as text, for scripts
cli-example-explain = Why a file was read as it was
cli-example-bookmarks = Your bookmarks as a Markdown list
cli-example-paths = Where the config, the state files and the cache are
cli-example-man = Read this manual
cli-example-completions = Tab completion for zsh

## Issue 14: problems, as the commands and the reader say them
err-at = { $path }: { $problem }
err-not-found = no such file or directory
err-permission = permission denied
err-is-directory = is a directory
err-directory-not-issue = is a directory, not an issue file
err-not-regular = not a regular file
err-not-a-directory = a part of the path is a file, not a directory
err-no-issues = no issue files ({ $patterns }) in this directory
err-link-loop = symbolic link loop; skipped
err-disk-full = disk full
err-quota = disk quota exceeded
err-read-only = read-only
err-too-large = file too large
err-no-home = there is no home directory to keep them in
err-config = { $at }: { $problem }
err-n-bookmarks = { $n ->
    [one] 1 bookmark
   *[other] { $n } bookmarks
}
err-n-read-marks = { $n ->
    [one] 1 read mark
   *[other] { $n } read marks
}
err-n-positions = { $n ->
    [one] 1 reading position
   *[other] { $n } reading positions
}
err-nothing = nothing
err-and = { $rest } and { $last }
err-list-comma = , {""}

## Issue 14: what the reader says of its saves, at start and at quit
st-saved = saved
st-still-not-saved = still not saved: { $why }
st-last-saved = { $n ->
    [one] the change not saved last time is saved now
   *[other] the { $n } changes not saved last time are saved now
}
st-last-saved-in = { $n ->
    [one] the change not saved last time (kept in { $dirs }) is saved now
   *[other] the { $n } changes not saved last time (kept in { $dirs }) are saved now
}
st-last-not-saved = { $n ->
    [one] the change not saved last time is still not saved: { $why }
   *[other] the { $n } changes not saved last time are still not saved: { $why }
}
exit-not-saved = { $n ->
    [one] 1 change was
   *[other] { $n } changes were
} not saved ({ $what }): { $why }
exit-kept-in = { $n ->
    [one] it is
   *[other] they are
} kept in { $dir } and will be saved the next time dubao starts
exit-kept-nowhere = { $n ->
    [one] it could not be kept anywhere either ({ $why }), and is lost
   *[other] they could not be kept anywhere either ({ $why }), and are lost
}
exit-lost = { $n ->
    [one] it is lost
   *[other] they are lost
}
exit-saved-after-all = every change is saved (saving had failed: { $why })

## Issue 14: what the store says of its files
err-frozen = { $file } { $why }
store-count = { $kind ->
    [bookmarks] { $n ->
        [one] 1 bookmark
       *[other] { $n } bookmarks
    }
    [read] { $n ->
        [one] 1 read mark
       *[other] { $n } read marks
    }
   *[other] { $n ->
        [one] 1 reading position
       *[other] { $n } reading positions
    }
}
store-news = { $n ->
    [0] nothing new
   *[other] { $count } new or newer
}
store-no-home = changes can't be saved: there is no home directory to keep them in
store-not-created = changes can't be saved: { $dir } could not be created ({ $why })
store-read-only = changes can't be saved: { $dir } is read-only
store-cannot-write = changes can't be saved: { $dir }: { $why }
store-taken-in = { $n ->
    [one] 1 change
   *[other] { $n } changes
} another dubao could not save taken in from { $dir }
store-journal-damaged = { $path } could not be read ({ $why }); what could be was kept
store-frozen-newer = is from a newer dubao (version { $version })
store-frozen-stuck = could not be read nor moved aside ({ $error })
store-newer = { $file } is from a newer dubao (version { $version }); changes to { $kind ->
    [bookmarks] bookmarks
    [read] read marks
   *[other] reading positions
} won't be saved
store-damaged-left = { $file } could not be read ({ $why }); { $count } recovered; the file is left as it is
store-moved-aside = { $file } could not be read; moved aside to { $aside } ({ $why }); { $count } recovered
store-not-moved = { $file } could not be read ({ $why }) nor moved aside ({ $error }); { $count } recovered; changes to { $kind ->
    [bookmarks] bookmarks
    [read] read marks
   *[other] reading positions
} won't be saved
store-merged = merged { $copy } (a conflict copy: { $news }) into { $file }
store-merged-damaged = ; it was damaged ({ $why }): what could be read was merged
store-copy-left = { $merged }{ $damage }; the copy is left where it is
store-copy-now = { $merged }{ $damage }; the copy is now { $to }
store-copy-stuck = { $merged }{ $damage }; the copy could not be moved to { $dir } ({ $why }) and is left where it is
store-marked-kept = { $file } had git conflict markers: both sides merged; the file as git left it is kept as { $kept }
store-marked-found = { $file } has git conflict markers: both sides are read; the reader merges it for good when it starts and can write
store-copy-found = { $copy } is a conflict copy of { $file }, read with it ({ $news }); the reader merges it for good when it starts and can write
err-not-text = not a text file ({ $why })
err-binary = binary data: { $nuls } NUL bytes, the first at offset { $at }
err-garbled = { $bad } of the first { $total } characters are control or undecodable
err-too-large-for = { $len } bytes, larger than dubao reads as .{ $ext } ({ $mb } MB)
