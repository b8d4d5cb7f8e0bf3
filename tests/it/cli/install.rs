//! Living with dubao like any good command-line tool: what it installs as
//! (`cargo package --list`).

use std::process::{Command, Output};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn the_package_holds_only_what_builds_and_documents_dubao() {
    let root = crate::common::data::root();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let o = Command::new(cargo)
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .current_dir(root)
        .output()
        .expect("cargo package --list");
    assert!(o.status.success(), "{}", stderr(&o));
    let listed: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    let bad = |f: &String| {
        ["fuzz/", "benches/", "tests/", ".ci/", "target/"].iter().any(|d| f.starts_with(d))
            || f.ends_with(".snap")
            || f.contains("proptest-regressions")
    };
    assert_eq!(listed.iter().filter(|f| bad(f)).collect::<Vec<_>>(), Vec::<&String>::new(), "{listed:?}");
    for needed in [
        "Cargo.toml",
        "Cargo.lock",
        "README.md",
        "CHANGELOG.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "config.example.toml",
        "src/main.rs",
        "src/lib.rs",
    ] {
        assert!(listed.iter().any(|f| f == needed), "{needed} is packaged: {listed:?}");
    }
    // Everything the source includes at build time is packaged.
    for sample in std::fs::read_dir(root.join("issues")).unwrap() {
        let name = sample.unwrap().file_name().to_string_lossy().into_owned();
        assert!(listed.contains(&format!("issues/{name}")), "issues/{name}");
    }
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let license = manifest.lines().find(|l| l.starts_with("license = ")).unwrap_or_default();
    assert_eq!(license, "license = \"MIT OR Apache-2.0\"", "the licence files are the manifest's");
    assert!(std::fs::read_to_string(root.join("LICENSE-MIT")).unwrap().starts_with("MIT License"));
    let apache = std::fs::read_to_string(root.join("LICENSE-APACHE")).unwrap();
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0, January 2004"));
}
