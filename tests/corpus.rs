//! A corpus, not a report: the six 河北 reports of 2021–2026 built together (one graph across
//! reports, report metadata, NIF provenance, promises), and builds of several reports that run
//! in parallel, reuse what did not change, and go on past a report that cannot be read.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::*;

/// The folder of the 河北 reports (the shared corpus).
fn hebei() -> PathBuf {
    corpus_dir()
}

/// The 河北 reports of 2021–2026: consecutive years, for promises kept.
fn hebei_2021_to_2026() -> Vec<PathBuf> {
    (2021..=2026)
        .map(|year| hebei().join(format!("hebei-{year}.txt")))
        .collect()
}

/// The output folder of one build of the 河北 reports, made once per test binary.
fn hebei_build() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let reports = hebei_2021_to_2026();
        let refs: Vec<&Path> = reports.iter().map(PathBuf::as_path).collect();
        let o = build_into(&refs, &out);
        assert!(o.status.success(), "build failed: {}", stderr(&o));
        (dir, out)
    });
    out
}

/// Rows of a query on the 河北 store, as CSV cells (datatypes and quotes taken off).
fn hebei_rows(args: &[&str]) -> Vec<Vec<String>> {
    let store = hebei_build().join("store");
    let mut all = args.to_vec();
    all.extend(["--format", "csv", "--store", store.to_str().unwrap()]);
    let o = policykg(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    csv_rows(&o.stdout)
}

fn query(sparql: &str) -> Vec<Vec<String>> {
    hebei_rows(&["query", sparql])
}

#[test]
fn each_report_graph_carries_its_metadata() {
    let rows = query(
        r#"SELECT ?doc ?title ?date ?speaker ?source ?level ?j ?chars ?hash WHERE {
             ?d a kg:Document ; rdfs:label ?doc ; dcterms:title ?title ;
                dcterms:source ?source ; kg:divisionLevel ?level ;
                kg:jurisdiction ?j ; nif:endIndex ?chars ; kg:textHash ?hash ;
                kg:contentHash ?content .
             # 2026 is a newspaper's digest: no dateline, no speaker's line.
             OPTIONAL { ?d dcterms:date ?date } OPTIONAL { ?d dcterms:creator ?speaker }
           } ORDER BY ?doc"#,
    );
    assert_eq!(rows.len(), 6, "{rows:?}");
    let r2024 = rows.iter().find(|r| r[0] == "hebei-2024").unwrap();
    assert_eq!(r2024[1], "2024年河北省政府工作报告");
    assert_eq!(r2024[2], "2024-01-21");
    assert_eq!(r2024[3], "王正谱");
    assert!(
        r2024[4].starts_with("https://www.hebei.gov.cn/"),
        "{r2024:?}"
    );
    assert_eq!(r2024[5], "province");
    let text = std::fs::read_to_string(hebei().join("hebei-2024.txt")).unwrap();
    assert_eq!(r2024[7], text.chars().count().to_string());
    assert_eq!(
        rows.iter().find(|r| r[0] == "hebei-2021").unwrap()[3],
        "许勤"
    );
    // One jurisdiction, one IRI, in every report.
    assert!(
        rows.iter()
            .all(|r| r[6] == rows[0][6] && r[6].ends_with("/河北省"))
    );
}

#[test]
fn a_place_and_an_indicator_are_one_node_across_reports() {
    for (class, label, at_least) in [("Place", "雄安新区", 5), ("Indicator", "地区生产总值", 3)]
    {
        let rows = query(&format!(
            r#"SELECT DISTINCT ?x (COUNT(DISTINCT ?doc) AS ?docs) WHERE {{
                 ?x a kg:{class} ; rdfs:label ?l . FILTER(STR(?l) = "{label}")
                 {{ ?x kg:mention/nif:referenceContext ?doc }}
                 UNION {{ ?q kg:indicator ?x ; kg:mention/nif:referenceContext ?doc }}
               }} GROUP BY ?x"#
        ));
        assert_eq!(rows.len(), 1, "{label}: one node: {rows:?}");
        let docs: usize = rows[0][1].parse().unwrap();
        assert!(docs >= at_least, "{label} is named in {docs} reports");
    }
}

#[test]
fn every_mention_and_sentence_is_an_offset_pair_into_the_text_held_once() {
    let count = |what: &str| -> usize {
        query(&format!("SELECT (COUNT(*) AS ?n) WHERE {{ {what} }}"))[0][0]
            .parse()
            .unwrap()
    };
    // The text is in the graph once, as each report's nif:isString: no span repeats its words.
    assert_eq!(
        count("?x nif:anchorOf ?a"),
        0,
        "spans that repeat their words"
    );
    assert_eq!(count("?d nif:isString ?t"), 6, "one text per report");
    let mentions = count("?m a kg:Mention");
    assert!(mentions > 2000, "{mentions} mentions");
    // Every mention lies inside its sentence, every sentence and heading inside its text.
    let outside = count(
        "?m a kg:Mention ; nif:beginIndex ?b ; nif:endIndex ?e ; \
         nif:sentence [ nif:beginIndex ?sb ; nif:endIndex ?se ] \
         FILTER(?b < ?sb || ?e > ?se || ?b >= ?e)",
    );
    assert_eq!(outside, 0, "mentions outside their sentence");
    // A mention's IRI tags its rule with six hex digits of the rule id's hash: no two rules
    // that read the same words share a tag.
    let two_rules = count("?m kg:rule ?r1 , ?r2 FILTER(?r1 != ?r2)");
    assert_eq!(two_rules, 0, "mention IRIs that two rules share");
    let beyond = count(
        "?s nif:endIndex ?e ; nif:referenceContext ?d . ?d nif:endIndex ?len \
         FILTER(?e > ?len)",
    );
    assert_eq!(beyond, 0, "spans beyond their text");
    // The words at a quoted name's offsets are the name, with its quotes (“放管服”改革) or
    // without, but where a canonical name stands for them (十四五规划: 第十四个五年规划).
    let quoted = query(
        "SELECT ?label ?words WHERE { ?x rdfs:label ?label ; kg:mention ?m . \
         ?m kg:rule \"entity.quoted\" ; nif:beginIndex ?b ; nif:endIndex ?e ; \
            nif:referenceContext/nif:isString ?text . \
         BIND(REPLACE(SUBSTR(?text, ?b + 1, ?e - ?b), \"[“”]\", \"\") AS ?words) }",
    );
    assert!(quoted.len() > 20, "{} quoted names", quoted.len());
    let unlike: Vec<_> = quoted.iter().filter(|r| !r[1].contains(&r[0])).collect();
    assert!(
        unlike.len() * 10 < quoted.len(),
        "quoted names whose words at their offsets do not hold them: {unlike:?}"
    );
    // A sentence is stored once, however many mentions point into it; its heading too.
    let sentences = count("?s a nif:Sentence");
    let pointers = count("?m nif:sentence ?s");
    assert!(
        pointers > 2 * sentences,
        "{pointers} mentions in {sentences} sentences"
    );
    assert!(count("?s kg:section [ a nif:Title ]") > sentences / 2);
}

/// A folder of reports: the seed and a short county report, under the given names.
fn reports(dir: &Path) -> PathBuf {
    let reports = dir.join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::copy(
        repo().join("seeds").join(format!("{SEED}.txt")),
        reports.join("a-seed.txt"),
    )
    .unwrap();
    std::fs::write(
        reports.join("b-county.txt"),
        "——2019年1月5日在某某县第五届人民代表大会第三次会议上\n各位代表:\n一、2018年工作回顾\n地区生产总值增长7%。\n二、2019年工作安排\n地区生产总值增长8%左右。\n",
    )
    .unwrap();
    reports
}

fn build_args(reports: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "build",
        reports.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    policykg(&args)
}

fn count_in(out: &Path, sparql: &str) -> usize {
    let o = policykg(&[
        "query",
        "--format",
        "csv",
        "--store",
        out.join("store").to_str().unwrap(),
        sparql,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).lines().nth(1).unwrap().trim().parse().unwrap()
}

#[test]
fn an_unchanged_report_is_reused_and_a_changed_one_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let reports = reports(dir.path());
    let out = dir.path().join("out");
    let first = build_args(&reports, &out, &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(!stdout(&first).contains("reused"), "{}", stdout(&first));
    let seed_ttl = std::fs::read(out.join("a-seed.ttl")).unwrap();
    let triples = count_in(&out, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");

    let county = reports.join("b-county.txt");
    let text = std::fs::read_to_string(&county).unwrap();
    std::fs::write(&county, text.replace("增长8%", "增长9%")).unwrap();
    let second = build_args(&reports, &out, &[]);
    assert!(second.status.success(), "{}", stderr(&second));
    let log = stdout(&second);
    let seed_part = log.split("b-county").next().unwrap();
    assert!(seed_part.contains("reused"), "the seed is reused: {log}");
    assert!(
        !log.split("b-county").nth(1).unwrap().contains("reused"),
        "{log}"
    );
    assert_eq!(std::fs::read(out.join("a-seed.ttl")).unwrap(), seed_ttl);
    // The changed report's old graph is gone: its old target is not there, nothing doubles.
    let targets = |v: u32| {
        let q = format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ ?q a kg:Target ; kg:value ?v ; kg:mention/nif:referenceContext/rdfs:label \"b-county\" FILTER(?v = {v}) }}"
        );
        count_in(&out, &q)
    };
    assert_eq!((targets(8), targets(9)), (0, 1));
    assert_eq!(
        count_in(&out, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
        triples
    );

    // A report that is gone takes its graph with it.
    std::fs::remove_file(&county).unwrap();
    let third = build_args(&reports, &out, &[]);
    assert!(third.status.success(), "{}", stderr(&third));
    let docs = "SELECT (COUNT(*) AS ?n) WHERE { ?d a kg:Document }";
    assert_eq!(count_in(&out, docs), 1);
    assert!(!out.join("b-county.ttl").exists());
}

#[test]
fn keep_going_builds_the_others_and_lists_the_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let reports = reports(dir.path());
    std::fs::write(reports.join("c-gbk.txt"), b"\xe5\x90\x84\n\xb8\xf7\xce\xbb").unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("marker.ttl"), "previous").unwrap();

    let whole = build_args(&reports, &out, &[]);
    assert_eq!(whole.status.code(), Some(2), "{}", stderr(&whole));
    assert!(stderr(&whole).contains("c-gbk.txt:2"), "{}", stderr(&whole));
    assert!(
        out.join("marker.ttl").exists(),
        "a failed build leaves out/ as it was"
    );

    let missing = dir.path().join("missing.txt");
    let o = policykg(&[
        "build",
        reports.to_str().unwrap(),
        missing.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--keep-going",
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("c-gbk.txt:2") && err.contains("not UTF-8"),
        "{err}"
    );
    assert!(err.contains("missing.txt: no such file"), "{err}");
    assert!(err.contains("2 of 4 reports failed"), "{err}");
    for built in ["a-seed.ttl", "b-county.ttl", "overview.dot"] {
        assert!(out.join(built).exists(), "{built}");
    }
    assert!(!out.join("marker.ttl").exists());
    assert_eq!(
        count_in(&out, "SELECT (COUNT(*) AS ?n) WHERE { ?d a kg:Document }"),
        2
    );
}

#[test]
fn parallel_builds_write_what_one_thread_writes() {
    let dir = tempfile::tempdir().unwrap();
    let reports = reports(dir.path());
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    for (out, jobs) in [(&one, "1"), (&two, "2")] {
        let o = build_args(&reports, out, &["--jobs", jobs, "--svg"]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert_same_files(&one, &two, &["a-seed.ttl", "b-county.ttl", "overview.dot"]);
    assert!(one.join("a-seed.svg").exists(), "--svg draws each report");
    let overview = std::fs::read_to_string(one.join("overview.dot")).unwrap();
    assert!(overview.contains("西湖区"), "the overview spans the corpus");
}

#[test]
fn without_svg_only_the_overview_is_drawn() {
    let (_dir, out) = build_seeds();
    assert!(!out.join(format!("{SEED}.svg")).exists());
    assert!(out.join(format!("{SEED}.dot")).exists());
    if policykg::render::dot_available() {
        let svg = std::fs::read_to_string(out.join("overview.svg")).unwrap();
        assert!(svg.contains("西湖区"));
    }
}

/// Verdicts checked by hand against both sentences: (the report that sets the target, the
/// indicator, promised, achieved, verdict). The targets are the year's main expected goals
/// (今年…主要预期目标是:…); the results are the next report's review of that year.
const CHECKED: [(&str, &str, &str, &str, &str); 16] = [
    // 生产总值增长6.5% → 全省生产总值突破4万亿元、增长6.5%
    ("hebei-2021", "生产总值", "6.5", "6.5", "met"),
    // 社会消费品零售总额增长8%左右 → 社会消费品零售总额增长6.3%
    ("hebei-2021", "社会消费品零售总额", "8", "6.3", "missed"),
    // 外贸进出口增长5% → 外贸进出口增长21.5%
    ("hebei-2021", "外贸进出口", "5", "21.5", "met"),
    // 居民人均可支配收入增长8%左右 → 居民人均可支配收入增长8.3%
    ("hebei-2021", "居民人均可支配收入", "8", "8.3", "met"),
    // 生产总值增长6.5% → 预计全省生产总值增长3.8%左右
    ("hebei-2022", "生产总值", "6.5", "3.8", "missed"),
    // 固定资产投资增长6.5% → 固定资产投资增长8%左右
    ("hebei-2022", "固定资产投资", "6.5", "8", "met"),
    // 服务业增加值增长8% → 服务业增加值增长3.3%左右
    ("hebei-2022", "服务业增加值", "8", "3.3", "missed"),
    // 城镇新增就业86万人 → 城镇新增就业89.7万人
    ("hebei-2022", "城镇新增就业", "86", "89.7", "met"),
    // 一般公共预算收入增长6%左右 → 一般公共预算收入增长5.7% (within 5%)
    ("hebei-2023", "一般公共预算收入", "6", "5.7", "met"),
    // 规模以上工业增加值增长5.5%以上 → 规模以上工业增加值增长6.9%
    ("hebei-2023", "规模以上工业增加值", "5.5", "6.9", "met"),
    // 社会消费品零售总额增长6%以上 → 社会消费品零售总额增长9.6%
    ("hebei-2023", "社会消费品零售总额", "6", "9.6", "met"),
    // 社会消费品零售总额增长6%左右 → 社会消费品零售总额增长5.5% (more than 5% short)
    ("hebei-2024", "社会消费品零售总额", "6", "5.5", "missed"),
    // 居民人均可支配收入增长5.5%左右 → 居民人均可支配收入增长5.4%
    ("hebei-2024", "居民人均可支配收入", "5.5", "5.4", "met"),
    // 城镇新增就业86万人 → 城镇新增就业89.9万人
    ("hebei-2024", "城镇新增就业", "86", "89.9", "met"),
    // 一般公共预算收入增长2%左右 → 一般公共预算收入增长2%
    ("hebei-2025", "一般公共预算收入", "2", "2", "met"),
    // 固定资产投资增长5.5%左右 → 固定资产投资增长6.1%
    ("hebei-2025", "固定资产投资", "5.5", "6.1", "met"),
];

#[test]
fn promises_are_checked_against_the_next_report() {
    let rows = hebei_rows(&["promises"]);
    let next = |report: &str| format!("hebei-{}", report[6..].parse::<u32>().unwrap() + 1);
    for (report, indicator, promised, achieved, verdict) in CHECKED {
        let row = rows
            .iter()
            .find(|r| r[8] == report && r[1] == indicator && r[7] != "not reported")
            .unwrap_or_else(|| panic!("no verdict for {report} {indicator}"));
        let number = |s: &str| s.parse::<f64>().unwrap();
        assert_eq!(number(&row[4]), number(promised), "{row:?}");
        assert_eq!(number(&row[6]), number(achieved), "{row:?}");
        assert_eq!(row[7], verdict, "{row:?}");
        assert_eq!(
            row[12],
            next(report),
            "the next report gives the result: {row:?}"
        );
        // Both sentences are there, with the words at their offsets.
        for (doc, start, end, sentence) in [(8, 9, 10, 11), (12, 13, 14, 15)] {
            let text = std::fs::read_to_string(hebei().join(format!("{}.txt", row[doc])))
                .unwrap()
                .chars()
                .collect::<Vec<char>>();
            let (s, e): (usize, usize) = (row[start].parse().unwrap(), row[end].parse().unwrap());
            let words: String = text[s..e].iter().collect();
            assert!(row[sentence].contains(&words), "{words} in {row:?}");
            assert!(
                words.contains(if doc == 8 { promised } else { achieved }),
                "{row:?}"
            );
        }
    }
    // Every pair of consecutive years has verdicts.
    for year in 2021..2026 {
        let report = format!("hebei-{year}");
        assert!(
            rows.iter()
                .any(|r| r[8] == report && r[7] != "not reported"),
            "no verdict for {report}"
        );
    }
}
