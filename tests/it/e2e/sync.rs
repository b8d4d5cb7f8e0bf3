//! Bookmarks across machines, end to end: two homes (two machines), each
//! bookmarking in the real reader; one machine's file reaches the other
//! as a sync tool's conflict copy. The reader merges it as it starts, puts
//! it aside under the cache directory and says so once; `dubao bookmarks`
//! lists it before that without touching it. (`tests/it/sync.rs` holds the
//! merge itself to every case: names, git markers, removals, clocks.)

use crate::common::data::samples;
use crate::common::pty::Pty;
use std::path::{Path, PathBuf};

fn state_dir(home: &Path) -> PathBuf {
    home.join(".config/dubao")
}

fn stars(screen: &str) -> usize {
    screen.matches('★').count()
}

fn issue() -> String {
    samples().join("清河日报-20240308.txt").display().to_string()
}

/// A machine that bookmarks the article `down` rows below the first, then quits.
fn machine_bookmarking(down: usize) -> tempfile::TempDir {
    let mut t = Pty::spawn(&[&issue()], 100, 30);
    t.wait_text("清河区召开2024年重点项目建设推进会");
    t.send(&format!("{}m", "j".repeat(down)));
    t.wait_for("the star", |s| stars(s) == 1);
    t.send("q");
    assert_eq!(t.wait_exit(), 0, "{}", t.contents());
    t.take_home()
}

/// `dubao bookmarks` in `home`: the headlines listed, and stderr.
fn listed(home: &Path) -> (Vec<String>, String) {
    let o = crate::common::dubao_command()
        .args(["bookmarks", "--json"])
        .env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut headlines: Vec<String> = json["bookmarks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["headline"].as_str().unwrap_or_default().to_string())
        .collect();
    headlines.sort();
    (headlines, String::from_utf8(o.stderr).unwrap())
}

/// Every file under `dir`, however deep.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn a_syncthing_conflict_copy_from_another_machine_is_merged_by_the_reader_and_kept_aside() {
    let laptop = machine_bookmarking(1);
    let desktop = machine_bookmarking(3);
    let (on_laptop, _) = listed(laptop.path());
    let (on_desktop, _) = listed(desktop.path());
    assert_eq!((on_laptop.len(), on_desktop.len()), (1, 1));
    assert_ne!(on_laptop, on_desktop);

    // Both changed bookmarks.toml before Syncthing heard of the other:
    // the laptop's reaches the desktop as a conflict copy.
    let name = "bookmarks.sync-conflict-20240308-101502-LAPTOP7.toml";
    let bytes = std::fs::read(state_dir(laptop.path()).join("bookmarks.toml")).unwrap();
    let copy = state_dir(desktop.path()).join(name);
    std::fs::write(&copy, &bytes).unwrap();

    // A listing shows both and leaves the copy.
    let (both, said) = listed(desktop.path());
    let mut want = [on_laptop.clone(), on_desktop.clone()].concat();
    want.sort();
    assert_eq!(both, want);
    assert!(said.contains(name), "{said}");
    assert!(copy.exists());

    // The reader merges it as it starts, says so, and keeps it in the cache.
    let mut t = Pty::spawn_in(&[&issue()], 100, 30, desktop, false);
    t.wait_for("both stars", |s| stars(s) == 2);
    t.wait_text("merged bookmarks.sync-conflict");
    t.send("q");
    assert_eq!(t.wait_exit(), 0, "{}", t.contents());
    let desktop = t.take_home();
    assert!(!copy.exists(), "moved out of the synced folder");
    let kept: Vec<PathBuf> =
        files_under(&desktop.path().join(".cache/dubao/conflicts")).into_iter().filter(|p| p.ends_with(name)).collect();
    assert_eq!(kept.len(), 1, "kept under the cache dir");
    assert_eq!(std::fs::read(&kept[0]).unwrap(), bytes, "byte for byte");
    let (after, said) = listed(desktop.path());
    assert_eq!(after, want);
    assert_eq!(said, "", "nothing more to say");

    // Said once: the next start has nothing to merge.
    let t = Pty::spawn_in(&[&issue()], 100, 30, desktop, false);
    t.wait_for("both stars", |s| stars(s) == 2);
    assert!(!t.contents().contains("merged"), "{}", t.contents());
    t.send("q");
}
