//! Where the tests' data is, in one place: our fixtures (`tests/fixtures/`),
//! the sample issues built into dubao (`issues/`), and the seed issue beside
//! the checkout (`../shared/seeds/`, or the folder `$DUBAO_SEED_DIR` names).

use std::path::{Path, PathBuf};

/// The environment variable naming the folder that holds the seed issue.
pub const SEED_DIR_VAR: &str = "DUBAO_SEED_DIR";
/// The seed issue's file name.
pub const SEED_NAME: &str = "000_5f9f883e554d2686.txt";

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture of ours: `tests/fixtures/NAME`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// A fixture's bytes.
pub fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = fixture(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// The sample issues built into dubao: `issues/`.
pub fn samples() -> PathBuf {
    root().join("issues")
}

/// A library folder `papers/` under `home` holding copies of the sample
/// issues; its path.
pub fn sample_library(home: &Path) -> PathBuf {
    let papers = home.join("papers");
    std::fs::create_dir_all(&papers).unwrap();
    for entry in std::fs::read_dir(samples()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, papers.join(path.file_name().unwrap())).unwrap();
    }
    papers
}

/// The seed issue's path; says loudly where it was looked for if it is not there.
pub fn seed_path() -> PathBuf {
    let dir = std::env::var_os(SEED_DIR_VAR).map_or_else(|| root().join("../shared/seeds"), PathBuf::from);
    let path = dir.join(SEED_NAME);
    assert!(
        path.is_file(),
        "\n*** THE SEED ISSUE IS MISSING at {}\n*** CI provides ../shared/seeds beside the checkout; \
         or set {SEED_DIR_VAR} to the folder that holds it\n",
        path.display()
    );
    path
}

/// The seed issue's bytes.
pub fn seed_bytes() -> Vec<u8> {
    let path = seed_path();
    std::fs::read(&path).unwrap_or_else(|e| panic!("the seed issue {}: {e}", path.display()))
}

/// Every input that ever broke the fuzz target `target`
/// (`tests/fixtures/fuzz/<target>/*`), replayed through `check`.
pub fn replay_fuzz(target: &str, check: fn(&[u8])) {
    let dir = fixture("fuzz").join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        check(&std::fs::read(&path).unwrap());
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {}", dir.display());
}

/// Every folder under `dir` (and it) last changed an hour ago: old enough
/// for the index to trust it unchanged since its last walk.
pub fn age(dir: &std::path::Path) {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            age(&path);
        }
    }
    std::fs::File::open(dir).unwrap().set_modified(hour_ago).unwrap();
}
