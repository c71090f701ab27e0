//! For the people who use the graph: every named query returns the rows its comment promises,
//! exports load back, diagrams render with Chinese labels.

mod common;

use std::collections::BTreeSet;

use common::*;

fn named(name: &str) -> Vec<Vec<String>> {
    let o = on_seed_store(&["query", "--named", name, "--format", "csv"]);
    assert!(o.status.success(), "{name}: {}", stderr(&o));
    csv_rows(&o.stdout)
}

/// The seed's store exported in `format` into a new folder.
fn export_seed(format: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let o = on_seed_store(&[
        "export",
        "--format",
        format,
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    dir
}

/// Asserts that some row holds each of `cells`.
fn assert_row(rows: &[Vec<String>], cells: &[&str]) {
    assert!(
        rows.iter()
            .any(|r| cells.iter().all(|c| r.iter().any(|x| x == c))),
        "no row holds {cells:?}: {rows:?}"
    );
}

#[test]
fn the_library_lists_every_query_with_what_it_answers() {
    let o = policykg(&["query", "--list"]);
    let text = stdout(&o);
    for name in [
        "programs-per-place",
        "places-per-program",
        "organizations-programs",
        "targets-vs-results",
        "plan-targets",
        "glossary",
        "mention-counts",
        "provenance",
    ] {
        let line = text
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} missing:\n{text}"));
        assert!(
            line.len() > name.len() + 20,
            "{name} has no description: {line}"
        );
    }
    let o = policykg(&["query", "--named", "no-such-query"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the named queries are"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn programs_and_places_meet_in_sentences() {
    // 大力实施老城区增绿补绿工程,加快补齐朝阳新城的绿色欠账
    let rows = named("programs-per-place");
    assert_row(&rows, &["朝阳新城", "老城区增绿补绿工程", "same sentence"]);
    let rows = named("places-per-program");
    assert_row(
        &rows,
        &["老城区增绿补绿工程", "朝阳新城", "same sentence", "1"],
    );
    assert!(rows.iter().all(|r| r.len() == 4));
}

#[test]
fn organizations_with_their_programs() {
    // 在市委、市政府和区委的正确领导下 … 有力推动了“十四五”规划精彩开局: the plan by the
    // name general knowledge gives it.
    let rows = named("organizations-programs");
    assert_row(&rows, &["南昌市委", "第十四个五年规划", "same sentence"]);
    assert!(rows.iter().all(|r| !r[0].is_empty() && !r[1].is_empty()));
}

#[test]
fn targets_meet_results_on_a_shared_indicator() {
    let rows = named("targets-vs-results");
    assert_row(
        &rows,
        &["地区生产总值", "Target", "growth", "approx", "7.5", "%"],
    );
    assert_row(
        &rows,
        &[
            "地区生产总值",
            "Achievement",
            "level",
            "approx",
            "600",
            "亿元",
        ],
    );
    assert_row(
        &rows,
        &[
            "地区生产总值",
            "Achievement",
            "growth",
            "eq",
            "33",
            "%",
            "2015",
        ],
    );
    let plan = named("plan-targets");
    assert_row(
        &plan,
        &["地区生产总值", "growth", "approx", "7.5", "%", "2025"],
    );
}

#[test]
fn the_glossary_and_mention_counts() {
    let rows = named("glossary");
    assert!(rows.len() >= 18, "{}", rows.len());
    let xueliang = rows.iter().find(|r| r[0] == "雪亮工程").expect("雪亮工程");
    assert_eq!(xueliang[1], "Program");
    assert!(xueliang[2].starts_with("以县、乡、村三级综治中心"));
    let counts = named("mention-counts");
    let xihu = counts.iter().find(|r| r[0] == "西湖区").expect("西湖区");
    assert!(xihu[2].parse::<u32>().unwrap() > 10);
}

#[test]
fn every_edge_has_its_words() {
    let rows = named("provenance");
    let edge = rows
        .iter()
        .find(|r| r[0] == "西湖区" && r[1] == "partOf" && r[2] == "南昌市")
        .expect("西湖区 partOf 南昌市");
    assert_eq!(edge[3], "gazetteer.divisions");
    assert!(edge[6].contains("西湖区"), "the sentence: {edge:?}");
}

#[test]
fn nothing_lacks_provenance() {
    let tsv = query_seed(
        r#"SELECT (COUNT(?x) AS ?n) WHERE {
             { ?x a ?c . FILTER(?c IN (kg:Program, kg:Place, kg:Organization, kg:Person, kg:Target, kg:Achievement, kg:Quantity)) }
             UNION { ?x a rdf:Statement }
             FILTER NOT EXISTS { ?x kg:mention/kg:rule ?r }
           }"#,
    );
    assert!(tsv.lines().nth(1).unwrap().starts_with("0"), "{tsv}");
}

#[test]
fn csv_tables_parse_back_with_real_rows() {
    let dir = export_seed("csv");
    let read = |file: &str| {
        let mut r = csv::Reader::from_path(dir.path().join(file)).unwrap();
        let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
        let rows: Vec<Vec<String>> = r
            .records()
            .map(|x| x.unwrap().iter().map(str::to_owned).collect())
            .collect();
        (header, rows)
    };
    let (h, rows) = read("entities.csv");
    assert_eq!(
        h,
        [
            "iri", "class", "subclass", "label", "aliases", "mentions", "document"
        ]
    );
    assert_row(&rows, &["Program", "雪亮工程", "nanchang-xihu-2021"]);
    let (h, rows) = read("quantities.csv");
    assert!(h.contains(&"normalized_value".to_owned()) && h.contains(&"sentence".to_owned()));
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    let gdp = rows
        .iter()
        .find(|r| r[col("indicator")] == "地区生产总值" && r[col("value")] == "600")
        .expect("600亿元");
    assert_eq!(gdp[col("unit")], "亿元");
    assert_eq!(gdp[col("normalized_value")], "60000000000");
    assert_eq!(gdp[col("normalized_unit")], "CNY");
    assert_eq!(gdp[col("kind")], "Achievement");
    let (h, rows) = read("relations.csv");
    assert_eq!(h[2], "relation");
    assert_row(&rows, &["西湖区", "partOf", "南昌市"]);
}

#[test]
fn json_ld_expands_to_the_turtle_triples() {
    use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
    let dir = export_seed("jsonld");
    let triples = |bytes: &[u8], format: RdfFormat| -> BTreeSet<String> {
        RdfParser::from_format(format)
            .for_slice(bytes)
            .map(|q| oxigraph::model::Triple::from(q.unwrap()).to_string())
            .collect()
    };
    let jsonld = std::fs::read(dir.path().join("graph.jsonld")).unwrap();
    let from_jsonld = triples(
        &jsonld,
        RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    );
    let ttl = std::fs::read(seed_build().join(format!("{SEED}.ttl"))).unwrap();
    let from_turtle = triples(&ttl, RdfFormat::Turtle);
    assert_eq!(from_jsonld.len(), from_turtle.len());
    assert!(
        from_jsonld == from_turtle,
        "JSON-LD and Turtle hold the same triples"
    );
    let context: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("context.jsonld")).unwrap()).unwrap();
    assert_eq!(
        context["@context"]["kg"],
        "https://w3id.org/policykg/ontology#"
    );
    let graph: serde_json::Value = serde_json::from_slice(&jsonld).unwrap();
    assert_eq!(
        graph["@context"], context["@context"],
        "the graph uses the published context"
    );
}

#[test]
fn the_overview_renders_to_svg_with_chinese_labels() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("overview.svg");
    let o = on_seed_store(&["render", "-o", svg.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&svg).unwrap();
    for label in ["西湖区", "南昌市", "江西省", "图例 Legend", "项目 Program"] {
        assert!(text.contains(label), "{label} is not drawn");
    }
    assert!(text.contains("Noto Sans CJK SC"), "the CJK font is named");
}

#[test]
fn render_filters_clusters_and_queries() {
    let dir = tempfile::tempdir().unwrap();
    let dot = dir.path().join("places.dot");
    let run = |args: &[&str]| {
        let mut all = vec!["render", "-o", dot.to_str().unwrap()];
        all.extend_from_slice(args);
        let o = on_seed_store(&all);
        assert!(o.status.success(), "{}", stderr(&o));
        let text = std::fs::read_to_string(&dot).unwrap();
        graphviz_rust::parse(&text).unwrap();
        text
    };
    let places = run(&["--class", "Place", "--cluster-sections"]);
    assert!(places.contains("西湖区"));
    assert!(
        !places.contains("shape=\"box\"") || places.matches("shape=\"box\"").count() == 1,
        "only the legend's Program box"
    );
    assert!(places.contains("cluster_section_"), "clustered by section");
    let glossary = run(&["--query", "glossary"]);
    assert!(glossary.contains("雪亮工程") && glossary.contains("一核四翼"));
    let png = dir.path().join("o.png");
    let o = on_seed_store(&["render", "--focus", "西湖区", "-o", png.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(&std::fs::read(&png).unwrap()[1..4], b"PNG");
}

#[test]
fn completions_and_help_with_examples() {
    let o = policykg(&["completions", "bash"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("policykg"));
    for cmd in ["build", "query", "render", "export", "rules"] {
        let o = policykg(&[cmd, "--help"]);
        assert!(o.status.success());
        let help = stdout(&o);
        assert!(
            help.contains("Example") || cmd == "rules",
            "{cmd} --help has an example:\n{help}"
        );
    }
}

#[test]
fn a_store_that_is_not_there_says_what_to_do() {
    let o = policykg(&[
        "query",
        "--store",
        "/nonexistent/store",
        "SELECT * WHERE { ?s ?p ?o }",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("policykg build"), "{}", stderr(&o));
}

#[test]
fn explain_shows_each_fact_with_its_words_and_rule() {
    let o = on_seed_store(&["explain", "雪亮工程"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("class: Program"), "{text}");
    assert!(
        text.contains("definition: 以县、乡、村三级综治中心为指挥平台"),
        "{text}"
    );
    assert!(
        text.contains("【雪亮工程】"),
        "the words are marked: {text}"
    );
    assert!(
        text.contains("rule entity.glossary (ontology/rules/entity.toml:"),
        "{text}"
    );
    let o = on_seed_store(&["explain", "西湖区"]);
    let text = stdout(&o);
    assert!(text.contains("西湖区 partOf 南昌市"), "{text}");
    assert!(text.contains("rule gazetteer.divisions"), "{text}");
    assert!(text.contains("【西湖区】"), "{text}");
    let o = on_seed_store(&["explain", "没有这个"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("mention-counts"));
}

#[test]
fn the_readme_shows_what_the_queries_answer_now() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let list = stdout(&policykg(&["query", "--list"]));
    assert!(
        readme.contains(list.trim_end()),
        "README's query list is stale"
    );
    let o = on_seed_store(&["query", "--named", "targets-vs-results"]);
    let table = stdout(&o);
    assert!(
        readme.contains(table.trim_end()),
        "README's targets-vs-results sample is stale; the seed now gives:\n{table}"
    );
}
