//! End to end through the binary: the seed builds into a store, Turtle, N-Quads, DOT and SVG;
//! the output is stable; bad input is refused without touching the previous output.

mod common;

use std::path::Path;

use common::*;

#[test]
fn the_store_opens_and_answers() {
    let tsv = query_seed("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    let n: u64 = tsv
        .lines()
        .nth(1)
        .unwrap()
        .split('^')
        .next()
        .unwrap()
        .trim_matches('"')
        .parse()
        .unwrap();
    assert!(n > 1000, "{tsv}");
    // Each report in its own named graph, the ontology in another.
    let graphs = query_seed("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g");
    assert!(graphs.contains("/id/graph/nanchang-xihu-2021>"), "{graphs}");
    assert!(graphs.contains("/id/graph/ontology>"), "{graphs}");
}

#[test]
fn glossary_term_is_a_program_with_its_definition_and_offsets() {
    let tsv = query_seed(
        r#"SELECT ?def ?start ?end WHERE {
             ?p a kg:Program ; rdfs:label "雪亮工程"@zh ; skos:definition ?def ; kg:mention ?m .
             ?m nif:beginIndex ?start ; nif:endIndex ?end .
           } ORDER BY ?start"#,
    );
    let rows: Vec<&str> = tsv.lines().skip(1).collect();
    assert!(
        rows.len() >= 2,
        "the glossary term and its body mention: {tsv}"
    );
    assert!(
        rows[0].contains("以县、乡、村三级综治中心为指挥平台"),
        "{tsv}"
    );
    let chars: Vec<char> = seed_text().chars().collect();
    for row in rows {
        let cols: Vec<&str> = row.split('\t').collect();
        let num = |s: &str| -> usize {
            s.split('^')
                .next()
                .unwrap()
                .trim_matches('"')
                .parse()
                .unwrap()
        };
        let (start, end) = (num(cols[1]), num(cols[2]));
        let surface: String = chars[start..end].iter().collect();
        assert_eq!(surface, "雪亮工程", "offsets {start}..{end}");
    }
}

#[test]
fn turtle_parses_back_and_no_nquads_are_written() {
    use oxigraph::io::{RdfFormat, RdfParser};
    let out = seed_build();
    let bytes = std::fs::read(out.join(format!("{SEED}.ttl"))).unwrap();
    let quads: Vec<_> = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(&bytes)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("Turtle does not parse: {e}"));
    assert!(quads.len() > 1000);
    // The store holds the report's named graph; a third copy of it was most of out/'s bytes.
    assert!(!out.join(format!("{SEED}.nq")).exists());
}

#[test]
fn dot_parses_back_and_svg_has_chinese_labels() {
    let out = seed_build();
    let dot = std::fs::read_to_string(out.join(format!("{SEED}.dot"))).unwrap();
    graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("DOT does not parse: {e}"));
    assert!(dot.contains("Noto Sans CJK SC"));
    // Without --svg only the corpus overview is drawn.
    let svg = std::fs::read_to_string(out.join("overview.svg")).unwrap();
    assert!(svg.contains("<svg"));
    assert!(svg.contains("西湖区"), "labels are drawn as text");
}

#[test]
fn two_builds_give_identical_turtle() {
    let (_dir, again) = build_seeds();
    let names = ["ttl", "dot"].map(|ext| format!("{SEED}.{ext}"));
    assert_same_files(seed_build(), &again, &names);
}

#[test]
fn committed_snapshot_matches_a_fresh_build() {
    for ext in ["ttl", "dot"] {
        let name = format!("{SEED}.{ext}");
        let committed = std::fs::read(repo().join("out").join(&name))
            .unwrap_or_else(|_| panic!("out/{name} is missing: run scripts/build and commit it"));
        assert!(
            committed == std::fs::read(seed_build().join(&name)).unwrap(),
            "out/{name} is not what the code builds now: run scripts/build and commit the diff"
        );
    }
}

#[test]
fn the_summary_counts_classes_and_times_stages() {
    let dir = tempfile::tempdir().unwrap();
    let o = build_into(&[&repo().join("seeds")], &dir.path().join("out"));
    let text = stdout(&o);
    for word in [
        "Program",
        "Place",
        "Organization",
        "Person",
        "Target",
        "Achievement",
        "time: ontology",
        "text",
        "extract",
        "江西省 › 南昌市 › 西湖区",
    ] {
        assert!(text.contains(word), "{word} missing from:\n{text}");
    }
}

/// A previous output folder with a marker file, to see that a failed build leaves it alone.
fn previous_output() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("marker.ttl"), "previous").unwrap();
    (dir, out)
}

/// Builds the report file `name` (written with `content`, or missing) over a previous output and
/// asserts that the build is refused with each of `words` and leaves that output as it was.
fn assert_refused(name: &str, content: Option<&[u8]>, words: &[&str]) {
    let (dir, out) = previous_output();
    let report = dir.path().join(name);
    if let Some(bytes) = content {
        std::fs::write(&report, bytes).unwrap();
    }
    let o = build_into(&[&report], &out);
    assert_eq!(
        o.status.code(),
        Some(2),
        "exit code; stderr: {}",
        stderr(&o)
    );
    let err = stderr(&o);
    for w in words {
        assert!(err.contains(w), "{w:?} missing from: {err}");
    }
    assert_eq!(
        std::fs::read_to_string(out.join("marker.ttl")).unwrap(),
        "previous"
    );
    assert_eq!(
        staging_folders(&out),
        Vec::<String>::new(),
        "no staging folder is left behind"
    );
}

#[test]
fn a_missing_file_is_refused() {
    assert_refused("nope.txt", None, &["nope.txt", "no such file"]);
}

#[test]
fn an_empty_file_is_refused() {
    assert_refused("empty.txt", Some(b""), &["empty.txt", "empty"]);
}

#[test]
fn a_non_utf8_file_is_refused_with_line_and_offset() {
    let gbk = b"\xe5\x90\x84\xe4\xbd\x8d\n\xb8\xf7\xce\xbb";
    assert_refused(
        "gbk.txt",
        Some(gbk),
        &["gbk.txt:2", "not UTF-8", "byte offset 7"],
    );
}

#[test]
fn a_folder_without_reports_is_refused() {
    let (dir, out) = previous_output();
    let empty_dir = dir.path().join("reports");
    std::fs::create_dir_all(&empty_dir).unwrap();
    let o = build_into(&[&empty_dir], &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no reports"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(out.join("marker.ttl")).unwrap(),
        "previous"
    );
}

#[test]
fn a_rule_file_with_a_bad_regex_is_refused() {
    let (dir, out) = previous_output();
    let ontology = dir.path().join("ontology");
    copy_dir(&repo().join("ontology"), &ontology);
    std::fs::write(
        ontology.join("rules/zz-bad.toml"),
        "[[rule]]\nid = \"bad.one\"\nkind = \"entity\"\nclass = \"Place\"\nmessage = \"x\"\npattern = '(?P<name>[a-'\n",
    )
    .unwrap();
    let o = policykg(&[
        "build",
        repo().join("seeds").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--ontology",
        ontology.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("zz-bad.toml:6"), "{err}");
    assert!(err.contains("bad regex"), "{err}");
    assert_eq!(
        std::fs::read_to_string(out.join("marker.ttl")).unwrap(),
        "previous"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

#[test]
fn a_query_syntax_error_exits_2_with_line_and_column() {
    let o = on_seed_store(&["query", "SELECT ?x WHERE {\n ?x ?y }"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("SPARQL syntax error"), "{err}");
    assert!(err.contains("2:"), "line and column: {err}");
}

#[test]
fn query_formats_are_w3c_and_table() {
    let q = r#"SELECT ?l WHERE { ?p a kg:Program ; rdfs:label ?l FILTER(STR(?l) = "雪亮工程") }"#;
    let run = |f: &str| stdout(&on_seed_store(&["query", "--format", f, q]));
    assert_eq!(run("csv").replace("\r\n", "\n"), "l\n雪亮工程\n");
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["results"]["bindings"][0]["l"]["value"], "雪亮工程");
    let table = run("table");
    assert!(table.starts_with("l"), "{table}");
    assert!(
        table.contains("雪亮工程") && table.contains("(1 rows)"),
        "{table}"
    );
}

#[test]
fn render_focus_draws_a_neighbourhood() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("xihu.dot");
    let o = on_seed_store(&[
        "render",
        "--focus",
        "西湖区",
        "--depth",
        "1",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dot = std::fs::read_to_string(&file).unwrap();
    graphviz_rust::parse(&dot).unwrap();
    assert!(dot.contains("西湖区") && dot.contains("南昌市"), "{dot}");
    let o = on_seed_store(&[
        "render",
        "--focus",
        "不存在的名字",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no entity labelled"));
}

#[test]
fn a_report_without_entities_builds_an_empty_graph_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("quiet.txt");
    std::fs::write(&report, "各位代表:\n今天天气很好,大家辛苦了。\n").unwrap();
    let out = dir.path().join("out");
    let o = build_into(&[&report], &out);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("warning: no entity recognized"),
        "{}",
        stdout(&o)
    );
    assert!(out.join("quiet.ttl").exists() && out.join("store").exists());
}

#[test]
fn named_queries_do_not_repeat_rows_over_several_reports() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other-2019.txt");
    std::fs::write(
        &other,
        "——2019年1月5日在某某县第五届人民代表大会第三次会议上\n各位代表:\n一、2018年工作回顾\n地区生产总值增长7%。\n二、2019年工作安排\n地区生产总值增长8%左右。\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = build_into(&[&repo().join("seeds"), &other], &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let store = out.join("store");
    for name in [
        "targets-vs-results",
        "plan-targets",
        "provenance",
        "glossary",
    ] {
        let o = policykg(&[
            "query",
            "--named",
            name,
            "--format",
            "tsv",
            "--store",
            store.to_str().unwrap(),
        ]);
        let text = stdout(&o);
        let lines: Vec<&str> = text.lines().collect();
        let distinct: std::collections::BTreeSet<&str> = lines.iter().copied().collect();
        assert_eq!(lines.len(), distinct.len(), "{name} repeats rows");
        assert!(lines.len() > 1, "{name} has rows");
    }
}
