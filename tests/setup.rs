//! The setup script's prerequisite checks (scripts/prereqs.sh), run through bash: a fresh
//! machine must learn in seconds, before RocksDB's 20-minute compile, that libclang is missing.

use std::path::Path;
use std::process::{Command, Output};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `script` in bash after sourcing the checks, with `LIBCLANG_PATH` set to `libclang_path`.
fn with_checks(script: &str, libclang_path: &Path) -> Output {
    Command::new("bash")
        .arg("-c")
        .arg(format!("source scripts/prereqs.sh; {script}"))
        .current_dir(repo())
        .env("LIBCLANG_PATH", libclang_path)
        .output()
        .expect("bash runs")
}

/// `scripts/setup --check` with `LIBCLANG_PATH` set to `libclang_path`.
fn setup_check(libclang_path: &Path) -> Output {
    Command::new("scripts/setup")
        .arg("--check")
        .current_dir(repo())
        .env("LIBCLANG_PATH", libclang_path)
        .output()
        .expect("scripts/setup runs")
}

/// A folder of empty files standing in for shared libraries.
fn fake_lib_folder(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in names {
        std::fs::write(dir.path().join(name), b"").unwrap();
    }
    dir
}

#[test]
fn libclang_names_are_those_bindgen_loads() {
    let names = [
        ("libclang.so", true),
        ("libclang.so.1", true),
        ("libclang-14.so", true),
        ("libclang-14.so.1", true),
        ("libclang-cpp.so.14", false),
        ("libclang-cpp.so", false),
        ("libclangBasic.a", false),
        ("libclang_rt.asan.so", false),
    ];
    for (name, loadable) in names {
        let ok = with_checks(&format!("is_libclang_name {name}"), Path::new(""))
            .status
            .success();
        assert_eq!(ok, loadable, "{name}");
    }
}

#[test]
fn a_folder_with_only_libclang_cpp_holds_no_libclang() {
    let only_cpp = fake_lib_folder(&["libclang-cpp.so.14"]);
    assert!(
        !with_checks("libclang_loadable", only_cpp.path())
            .status
            .success()
    );
    let with_c = fake_lib_folder(&["libclang-cpp.so.14", "libclang-14.so.1"]);
    assert!(
        with_checks("libclang_loadable", with_c.path())
            .status
            .success()
    );
}

#[test]
fn setup_check_names_libclang_dev_and_the_command_that_installs_it() {
    let only_cpp = fake_lib_folder(&["libclang-cpp.so.14"]);
    let out = setup_check(only_cpp.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("missing libclang-dev"), "{stderr}");
    assert!(
        stderr.contains("apt-get install -y libclang-dev"),
        "{stderr}"
    );

    let with_c = fake_lib_folder(&["libclang.so.1"]);
    let out = setup_check(with_c.path());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("libclang-dev"));
}
