//! An installed binary works in any folder: the ontology and the query library are built in,
//! and `--ontology` / `--queries` still name a user's own. Every command here runs in a fresh
//! temporary folder that has no `ontology/` or `queries/`, as after `cargo install --path .`.

mod common;

use common::*;

/// A folder holding the seed report and nothing else.
fn folder_with_report() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("{SEED}.txt")), seed_text()).unwrap();
    dir
}

#[test]
fn build_query_explain_and_rules_run_from_any_folder() {
    let dir = folder_with_report();
    let o = policykg_in(dir.path(), &["build", &format!("{SEED}.txt")]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The built-in ontology reads the report as the repository's does.
    let built = std::fs::read_to_string(dir.path().join(format!("out/{SEED}.ttl"))).unwrap();
    let committed = std::fs::read_to_string(repo().join(format!("out/{SEED}.ttl"))).unwrap();
    assert!(
        built == committed,
        "the built-in ontology gives another graph"
    );

    let o = policykg_in(dir.path(), &["query", "--list"]);
    assert!(stdout(&o).contains("targets-vs-results"), "{}", stderr(&o));
    let o = policykg_in(
        dir.path(),
        &["query", "--named", "glossary", "--format", "csv"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("雪亮工程"), "{}", stdout(&o));

    let o = policykg_in(dir.path(), &["explain", "雪亮工程"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("rule entity.glossary (ontology/rules/entity.toml:"),
        "{}",
        stdout(&o)
    );

    let o = policykg_in(dir.path(), &["rules", "test"]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert!(stdout(&o).contains(" passed, 0 failed"), "{}", stdout(&o));
}

#[test]
fn a_users_own_ontology_and_queries_override_the_built_in_ones() {
    let dir = folder_with_report();
    let mine = dir.path().join("mine");
    std::fs::create_dir_all(mine.join("lexicons")).unwrap();
    std::fs::create_dir_all(mine.join("rules")).unwrap();
    std::fs::write(
        mine.join("rules/broken.toml"),
        "[[rule]]\nid = \"mine.broken\"\nkind = \"entity\"\nclass = \"Place\"\nmessage = \"m\"\npattern = \"(?P<name>(unclosed\"\n",
    )
    .unwrap();
    let o = policykg_in(dir.path(), &["rules", "test", "--ontology", "mine"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    // The error names the user's file and line, not the built-in copy.
    assert!(
        stderr(&o).contains("mine/rules/broken.toml:6: bad regex"),
        "{}",
        stderr(&o)
    );

    let queries = dir.path().join("my-queries");
    std::fs::create_dir_all(&queries).unwrap();
    std::fs::write(queries.join("mine.rq"), "# Mine.\nASK { ?s ?p ?o }\n").unwrap();
    let o = policykg_in(dir.path(), &["query", "--list", "--queries", "my-queries"]);
    assert_eq!(stdout(&o).trim(), "mine                       Mine.");
}
