//! Builds interrupted by a signal, builds that find another build writing their output, and
//! queries that run while a build swaps its output in: out/ always holds one whole output.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A build long enough to be caught while it runs: the corpus's 24 reports.
fn start_build(out: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_policykg"))
        .arg("build")
        .arg(corpus_dir())
        .arg("--out")
        .arg(out)
        .arg("--ontology")
        .arg(repo().join("ontology"))
        .current_dir(repo())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the policykg binary runs")
}

/// Waits until the build has made its staging folder (it is writing into it then).
fn wait_for_staging(build: &mut Child, out: &Path) -> PathBuf {
    let started = Instant::now();
    loop {
        if let Some(name) = staging_folders(out).pop() {
            return out.parent().unwrap().join(name);
        }
        assert!(
            build.try_wait().unwrap().is_none(),
            "the build ended before it staged"
        );
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no staging folder"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn previous_output(dir: &Path) -> PathBuf {
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("marker.ttl"), "previous").unwrap();
    out
}

fn interrupted_with(signal: i32) {
    let dir = tempfile::tempdir().unwrap();
    let out = previous_output(dir.path());
    let mut build = start_build(&out);
    let staging = wait_for_staging(&mut build, &out);
    // SAFETY: kill(2) on the pid of a child this test started and has not reaped.
    assert_eq!(unsafe { libc::kill(build.id() as i32, signal) }, 0);
    let done = build.wait_with_output().unwrap();
    assert_eq!(done.status.code(), Some(128 + signal), "{}", stderr(&done));
    let err = stderr(&done);
    assert!(err.contains("interrupted"), "{err}");
    assert!(!staging.exists(), "{} is left", staging.display());
    assert_eq!(staging_folders(&out), Vec::<String>::new());
    assert_eq!(
        std::fs::read_to_string(out.join("marker.ttl")).unwrap(),
        "previous"
    );
}

#[test]
fn sigint_removes_the_staging_folder_and_keeps_out() {
    interrupted_with(libc::SIGINT);
}

#[test]
fn sigterm_removes_the_staging_folder_and_keeps_out() {
    interrupted_with(libc::SIGTERM);
}

#[test]
fn the_next_build_removes_what_a_killed_build_left() {
    let dir = tempfile::tempdir().unwrap();
    let out = previous_output(dir.path());
    let mut build = start_build(&out);
    let staging = wait_for_staging(&mut build, &out);
    build.kill().unwrap(); // SIGKILL: nothing runs to clean up.
    build.wait().unwrap();
    assert!(staging.exists(), "SIGKILL leaves the staging folder");
    assert!(out.join("marker.ttl").exists());
    let next = build_into(&[&repo().join("seeds")], &out);
    assert!(next.status.success(), "{}", stderr(&next));
    assert!(!staging.exists(), "{} is left", staging.display());
    assert_eq!(staging_folders(&out), Vec::<String>::new());
    assert!(out.join(format!("{SEED}.ttl")).exists());
    assert!(!out.join("marker.ttl").exists());
}

#[test]
fn a_second_build_of_the_same_output_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = previous_output(dir.path());
    let mut first = start_build(&out);
    wait_for_staging(&mut first, &out);
    let second = build_into(&[&repo().join("seeds")], &out);
    assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
    let err = stderr(&second);
    assert!(err.contains(&out.display().to_string()), "{err}");
    assert!(err.contains("in use"), "{err}");
    assert!(err.contains(&format!("pid {}", first.id())), "{err}");
    let first = first.wait_with_output().unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(out.join("hebei-2026.ttl").exists());
}

/// The number of triples in the store, through the CLI.
fn count_triples(store: &Path) -> Result<String, String> {
    let o = policykg(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "csv",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    ]);
    if o.status.success() {
        Ok(stdout(&o))
    } else {
        Err(stderr(&o))
    }
}

#[test]
fn queries_during_builds_see_the_old_store_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let seeds = repo().join("seeds");
    let first = build_into(&[&seeds], &out);
    assert!(first.status.success(), "{}", stderr(&first));
    let store = out.join("store");
    let expected = count_triples(&store).unwrap();
    let builds = std::thread::spawn({
        let out = out.clone();
        move || {
            for _ in 0..8 {
                let o = build_into(&[&seeds], &out);
                assert!(o.status.success(), "{}", stderr(&o));
            }
        }
    });
    let mut queries = 0;
    while !builds.is_finished() {
        match count_triples(&store) {
            Ok(count) => assert_eq!(count, expected),
            Err(e) => panic!("query {queries} failed during a build: {e}"),
        }
        queries += 1;
    }
    builds.join().unwrap();
    assert!(queries >= 4, "only {queries} queries ran during the builds");
}
