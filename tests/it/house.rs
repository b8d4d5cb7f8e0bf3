//! The house rules, checked over the source (docs/architecture.md):
//!
//! - no two files of `src/` import each other in a circle, directly or
//!   through others — a module's `mod.rs` and its children included;
//! - `config/` imports nothing of `tui/`;
//! - no function is longer than 80 lines, but the benchmarked hot loop
//!   `layout::breaking::segment`.
//!
//! How imports are found: every `use` tree (expanded: `a::{b, c::{d}}`),
//! every path written out in code that starts with `crate::`, `super::`,
//! `self::` or `dubao::` (the binary's name for the library), and every
//! path through a child module the file declares (`mod x;`, then `x::y`).
//! A path leads to the file of the deepest module it names, following `pub
//! use` re-exports to the file that defines the item: importing
//! `crate::ui::Theme` is importing `ui/theme.rs`, not `ui/mod.rs`. Comments
//! and literals are skipped; an inline `mod tests { … }` counts as part of
//! its file (its `super::` is the file itself).

use std::collections::{BTreeMap, BTreeSet};

use std::path::{Path, PathBuf};

/// A module: which crate (`lib`, or `bin` for main.rs and cmd/) and its path.
type Module = (&'static str, Vec<String>);

/// One source file, read and stripped.
struct File {
    /// Path under src/, `/`-separated.
    rel: String,
    module: Module,
    /// The code without comments, string and character literals.
    code: String,
}

#[test]
fn no_import_circles_and_config_is_below_the_shell() {
    let files = read_src();
    let graph = imports(&files);
    let mut failures = Vec::new();
    for cycle in cycles(&graph) {
        let names: Vec<&str> = cycle.iter().map(|&f| files[f].rel.as_str()).collect();
        let edges: Vec<String> = cycle
            .iter()
            .flat_map(|&a| graph[a].iter().filter(|b| cycle.contains(b)).map(move |&b| (a, b)))
            .map(|(a, b)| format!("  {} -> {}", files[a].rel, files[b].rel))
            .collect();
        let text = format!("{}\n{}", names.join(", "), edges.join("\n"));
        failures.push(text);
    }
    for (a, targets) in graph.iter().enumerate() {
        for &b in targets {
            if files[a].rel.starts_with("config/") && files[b].rel.starts_with("tui/") {
                failures.push(format!("{} imports {}: config/ sits below tui/", files[a].rel, files[b].rel));
            }
        }
    }
    assert!(failures.is_empty(), "import circles:\n{}", failures.join("\n"));
}

#[test]
fn no_function_is_longer_than_80_lines() {
    const MOST: usize = 80;
    let mut long = Vec::new();
    for f in read_src() {
        for (name, line, lines) in functions(&f.code) {
            if lines > MOST && !(f.rel == "layout/breaking.rs" && name == "segment") {
                let text = format!("{}:{line}: fn {name} is {lines} lines", f.rel);
                long.push(text);
            }
        }
    }
    assert!(long.is_empty(), "functions over {MOST} lines:\n{}", long.join("\n"));
}

#[test]
fn the_checker_reads_paths_as_rust_does() {
    let f = File { rel: "a/b.rs".into(), module: ("lib", vec!["a".into(), "b".into()]), code: String::new() };
    let tree = |s: &str| use_paths(s).into_iter().map(|(p, n)| format!("{} {n}", p.join("::"))).collect::<Vec<_>>();
    let paths = tree("super::{x, y::{self, Z}, w as v}");
    assert_eq!(paths, ["super::x x", "super::y y", "super::y::Z Z", "super::w v"]);
    assert_eq!(tree("crate::app::*"), ["crate::app app"]);
    let abs = absolute(&f, &["super".into(), "c".into()], false);
    assert_eq!(abs, ("lib", vec!["a".into(), "c".into()]));
    let inner = absolute(&f, &["super".into(), "x".into()], true);
    assert_eq!(inner, ("lib", vec!["a".into(), "b".into(), "x".into()]), "super in `mod tests` is the file");
    let code = strip("let s = \"use crate::x;\"; // crate::y\n/* crate::z */ let c = '{'; f::<'a>();");
    assert!(!code.contains("crate::") && !code.contains('{'), "{code}");
    let fns = functions("fn a() {\n}\nfn b() -> [u8; 2];\nfn c() {\n{\n}\n}\n");
    assert_eq!(fns, [("a".to_string(), 1, 2), ("c".to_string(), 4, 4)]);
}

fn src() -> PathBuf {
    crate::common::data::root().join("src")
}

fn read_src() -> Vec<File> {
    let mut paths = Vec::new();
    collect(&src(), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(src()).unwrap().to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&p).unwrap();
            File { module: module_of(&rel), code: strip(&text), rel }
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `app/overlay/mod.rs` → lib `app::overlay`; `cmd/read.rs` → bin `cmd::read`.
fn module_of(rel: &str) -> Module {
    let mut parts: Vec<String> = rel.trim_end_matches(".rs").split('/').map(String::from).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    let bin = rel == "main.rs" || rel.starts_with("cmd/");
    (if bin { "bin" } else { "lib" }, parts)
}

/// The code with comments, string literals and character literals taken
/// out (a string becomes `""`), line breaks kept.
fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        match (c[i], c.get(i + 1).copied()) {
            ('/', Some('/')) => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            ('/', Some('*')) => {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if c[i] == '\n' {
                            out.push('\n');
                        }
                        i += 1;
                    }
                }
            }
            ('r', Some('#' | '"')) if i == 0 || !is_ident(c[i - 1]) => {
                let hashes = c[i + 1..].iter().take_while(|&&h| h == '#').count();
                if c.get(i + 1 + hashes) != Some(&'"') {
                    out.push(c[i]);
                    i += 1;
                    continue;
                }
                i += 2 + hashes;
                while i < c.len()
                    && !(c[i] == '"' && c[i + 1..].iter().take(hashes).filter(|&&h| h == '#').count() == hashes)
                {
                    out.extend((c[i] == '\n').then_some('\n'));
                    i += 1;
                }
                i += 1 + hashes;
                out.push_str("\"\"");
            }
            ('"', _) => {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    out.extend((c[i] == '\n').then_some('\n'));
                    i += if c[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            ('\'', _) => {
                // A character literal ('x', '\n', '\u{1F}'), not a lifetime ('a).
                let end = if c.get(i + 1) == Some(&'\\') {
                    c[i + 2..].iter().position(|&x| x == '\'').map(|p| i + 2 + p)
                } else {
                    (c.get(i + 2) == Some(&'\'')).then_some(i + 2)
                };
                match end {
                    Some(e) => {
                        out.push_str("' '");
                        i = e + 1;
                    }
                    None => {
                        out.push('\'');
                        i += 1;
                    }
                }
            }
            (ch, _) => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Where an inline module (`mod tests {`) starts: from there, `super::` is the file itself.
fn inline_start(code: &str) -> usize {
    let mut at = 0;
    for line in code.split_inclusive('\n') {
        let t = line.trim();
        let t = t.strip_prefix("pub ").unwrap_or(t);
        if t.starts_with("mod ") && t.ends_with('{') {
            return at;
        }
        at += line.len();
    }
    code.len()
}

/// The modules a file declares (`mod x;`).
fn children(code: &str) -> BTreeSet<String> {
    code.lines()
        .filter_map(|l| {
            let t = l.trim();
            let t = t.strip_prefix("pub(crate) ").or_else(|| t.strip_prefix("pub ")).unwrap_or(t);
            t.strip_prefix("mod ")?.strip_suffix(';').map(|n| n.trim().to_string())
        })
        .collect()
}

/// The `use` statements of a piece of code: their tree, whether it is
/// `pub use`, and the byte range of the statement.
fn use_statements(code: &str) -> Vec<(String, bool, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = code[from..].find("use").map(|p| from + p) {
        from = p + 3;
        let before = code[..p].chars().next_back();
        let after = code[p + 3..].chars().next();
        if before.is_some_and(|c| is_ident(c) || c == ':') || !after.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(end) = code[p..].find(';').map(|e| p + e) else { break };
        let head = code[..p].rsplit([';', '{', '}', ']']).next().unwrap_or("");
        let public = head.split_whitespace().last().is_some_and(|w| w == "pub" || w.starts_with("pub("));
        out.push((code[p + 3..end].trim().to_string(), public, p..end + 1));
        from = end;
    }
    out
}

/// The paths a use tree names, each with the name it is known by:
/// `a::{b, c::{self, d as e}}` → `a::b` (b), `a::c` (c), `a::c::d` (e).
fn use_paths(tree: &str) -> Vec<(Vec<String>, String)> {
    let tree = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(open) = tree.find('{') else {
        let (path, alias) = match tree.split_once(" as ") {
            Some((p, a)) => (p, Some(a.trim().to_string())),
            None => (tree.as_str(), None),
        };
        let parts: Vec<String> = path.split("::").map(|s| s.trim().to_string()).filter(|s| s != "*").collect();
        let name = alias.unwrap_or_else(|| parts.last().cloned().unwrap_or_default());
        return vec![(parts, name)];
    };
    let prefix: Vec<String> =
        tree[..open].split("::").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut items, mut depth, mut start) = (Vec::new(), 0, 0);
    for (k, ch) in inner.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    let mut out = Vec::new();
    for item in items.into_iter().map(str::trim).filter(|s| !s.is_empty()) {
        for (sub, name) in use_paths(item) {
            let mut path = prefix.clone();
            path.extend(sub.into_iter().filter(|s| s != "self"));
            let name = if name == "self" { path.last().cloned().unwrap_or_default() } else { name };
            out.push((path, name));
        }
    }
    out
}

/// Paths written out in code (outside `use` statements) that start with
/// one of `heads`: `crate::a::b(…)` → `[crate, a, b]`.
fn code_paths(code: &str, heads: &BTreeSet<String>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let c: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < c.len() {
        if !is_ident(c[i]) || (i > 0 && (is_ident(c[i - 1]) || c[i - 1] == ':')) {
            i += 1;
            continue;
        }
        let mut path = Vec::new();
        loop {
            let start = i;
            while i < c.len() && is_ident(c[i]) {
                i += 1;
            }
            path.push(c[start..i].iter().collect::<String>());
            if c.get(i) == Some(&':') && c.get(i + 1) == Some(&':') && c.get(i + 2).is_some_and(|&x| is_ident(x)) {
                i += 2;
            } else {
                break;
            }
        }
        if path.len() > 1 && heads.contains(&path[0]) {
            out.push(path);
        }
    }
    out
}

/// A path as written in `f` (inside an inline module or not) → the module path it names.
fn absolute(f: &File, path: &[String], inline: bool) -> Module {
    let (krate, here) = (f.module.0, &f.module.1);
    match path.first().map(String::as_str) {
        Some("crate") => (krate, path[1..].to_vec()),
        Some("dubao") => ("lib", path[1..].to_vec()),
        _ => {
            let mut at = here.clone();
            let mut rest = path;
            let mut inner = inline;
            while let Some(head) = rest.first().map(String::as_str) {
                match head {
                    "super" if inner => inner = false,
                    "super" => {
                        at.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                rest = &rest[1..];
            }
            at.extend(rest.iter().cloned());
            (krate, at)
        }
    }
}

/// The file a module path leads to, following re-exports.
fn resolve(
    path: &Module,
    by_module: &BTreeMap<Module, usize>,
    reexports: &BTreeMap<(usize, String), Module>,
) -> Option<usize> {
    let mut path = path.clone();
    for _ in 0..16 {
        let (k, f) =
            (0..=path.1.len()).rev().find_map(|k| by_module.get(&(path.0, path.1[..k].to_vec())).map(|&f| (k, f)))?;
        match path.1.get(k).and_then(|name| reexports.get(&(f, name.clone()))) {
            Some(target) => {
                let mut next = target.clone();
                next.1.extend(path.1[k + 1..].iter().cloned());
                path = next;
            }
            None => return Some(f),
        }
    }
    None
}

/// A path a file names: the path, the name it is known by there, whether
/// it is written inside an inline module, whether it is re-exported.
type Named = (Vec<String>, String, bool, bool);

/// For each file, the files it imports.
fn imports(files: &[File]) -> Vec<BTreeSet<usize>> {
    let by_module: BTreeMap<Module, usize> = files.iter().enumerate().map(|(i, f)| (f.module.clone(), i)).collect();
    let named: Vec<Vec<Named>> = files
        .iter()
        .map(|f| {
            let cut = inline_start(&f.code);
            let mut heads: BTreeSet<String> = ["crate", "super", "self", "dubao"].map(String::from).into();
            let kids = children(&f.code);
            heads.extend(kids.iter().cloned());
            let mut paths = Vec::new();
            for (part, inline) in [(&f.code[..cut], false), (&f.code[cut..], true)] {
                let mut rest = part.to_string();
                for (tree, public, range) in use_statements(part) {
                    rest.replace_range(range.clone(), &" ".repeat(range.len()));
                    for (p, name) in use_paths(&tree) {
                        paths.push((p, name, inline, public));
                    }
                }
                for p in code_paths(&rest, &heads) {
                    let name = p.last().cloned().unwrap_or_default();
                    paths.push((p, name, inline, false));
                }
            }
            // A path through a child module starts at this file.
            for (p, _, _, _) in &mut paths {
                if p.first().is_some_and(|h| kids.contains(h)) {
                    p.insert(0, "self".into());
                }
            }
            paths
        })
        .collect();
    let mut reexports = BTreeMap::new();
    for (i, paths) in named.iter().enumerate() {
        for (p, name, inline, public) in paths {
            if *public && !inline && p.len() > 1 && ["crate", "super", "self", "dubao"].contains(&p[0].as_str()) {
                reexports.insert((i, name.clone()), absolute(&files[i], p, false));
            }
        }
    }
    named
        .iter()
        .enumerate()
        .map(|(i, paths)| {
            paths
                .iter()
                .filter(|(p, _, _, _)| {
                    p.first().is_some_and(|h| ["crate", "super", "self", "dubao"].contains(&h.as_str()))
                })
                .filter_map(|(p, _, inline, _)| resolve(&absolute(&files[i], p, *inline), &by_module, &reexports))
                .filter(|&t| t != i)
                .collect()
        })
        .collect()
}

/// The circles of the graph: its strongly connected parts of more than one file (Tarjan).
fn cycles(graph: &[BTreeSet<usize>]) -> Vec<Vec<usize>> {
    struct Walk<'g> {
        graph: &'g [BTreeSet<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        stack: Vec<usize>,
        on: Vec<bool>,
        next: usize,
        out: Vec<Vec<usize>>,
    }
    fn visit(w: &mut Walk<'_>, v: usize) {
        w.index[v] = Some(w.next);
        w.low[v] = w.next;
        w.next += 1;
        w.stack.push(v);
        w.on[v] = true;
        for &t in w.graph[v].iter() {
            match w.index[t] {
                None => {
                    visit(w, t);
                    w.low[v] = w.low[v].min(w.low[t]);
                }
                Some(it) if w.on[t] => w.low[v] = w.low[v].min(it),
                Some(_) => {}
            }
        }
        if Some(w.low[v]) == w.index[v] {
            let mut part = Vec::new();
            while let Some(t) = w.stack.pop() {
                w.on[t] = false;
                part.push(t);
                if t == v {
                    break;
                }
            }
            if part.len() > 1 {
                part.sort_unstable();
                w.out.push(part);
            }
        }
    }
    let n = graph.len();
    let mut w = Walk {
        graph,
        index: vec![None; n],
        low: vec![0; n],
        stack: Vec::new(),
        on: vec![false; n],
        next: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if w.index[v].is_none() {
            visit(&mut w, v);
        }
    }
    w.out
}

/// Every function with a body: (name, first line, lines from `fn` to its closing brace).
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let c: Vec<char> = code.chars().collect();
    let line_at = |k: usize| c[..k].iter().filter(|&&x| x == '\n').count() + 1;
    let mut out = Vec::new();
    let mut i = 0;
    while i + 3 < c.len() {
        let word = c[i] == 'f' && c[i + 1] == 'n' && c[i + 2].is_whitespace();
        if !word || (i > 0 && is_ident(c[i - 1])) {
            i += 1;
            continue;
        }
        let start = i;
        i += 3;
        let name: String = c[i..].iter().skip_while(|x| x.is_whitespace()).take_while(|&&x| is_ident(x)).collect();
        // The body's opening brace, unless a `;` (a declaration) comes first.
        let mut depth = 0i32;
        let mut open = None;
        while i < c.len() {
            match c[i] {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                ';' if depth == 0 => break,
                '{' if depth == 0 => {
                    open = Some(i);
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        let Some(open) = open else { continue };
        let mut braces = 0;
        let mut close = open;
        for (k, &x) in c.iter().enumerate().skip(open) {
            match x {
                '{' => braces += 1,
                '}' => braces -= 1,
                _ => {}
            }
            if braces == 0 {
                close = k;
                break;
            }
        }
        let first = line_at(start);
        out.push((name, first, line_at(close) - first + 1));
        // Functions inside are counted on their own.
        i = open + 1;
    }
    out
}
