//! `policykg explain`: every fact about one entity with the sentence it came from (the matched
//! words marked 【…】), the rule id and where that rule is written, so that a user who doubts
//! a fact sees why it is there and which rule to edit.

use std::fmt::Write as _;

use oxigraph::model::Term;
use oxigraph::store::Store;

use crate::error::Error;
use crate::extract::{KNOWN_NAME_RULE, ROUTE_RULE, SHARED_ENDING_RULE};
use crate::query::{Table, display, select};
use crate::resolve::{
    AREA_PARAGRAPH_RULE, COUNTED_KIND_RULE, GAZETTEER_RULE, LEAD_REFORM_RULE, LOCAL_PLACE_RULE,
    NAME_CONTAINS_RULE,
};
use crate::rules::RuleSet;

/// Where a rule id is defined: a rule file's path and line, or the stage that applies it.
pub fn rule_location(rule: &str, rules: &RuleSet) -> String {
    match rule {
        GAZETTEER_RULE => "ontology/gazetteer/divisions.tsv (resolve stage)".into(),
        NAME_CONTAINS_RULE => "resolve stage: a name that contains another's name".into(),
        SHARED_ENDING_RULE => "extract stage: a name that shares the next name's ending".into(),
        KNOWN_NAME_RULE => "ontology/gazetteer/*.tsv: a name of general knowledge".into(),
        ROUTE_RULE => "extract stage: a route named by one-char abbreviations".into(),
        LOCAL_PLACE_RULE => "resolve stage: a local place in a county-level report".into(),
        LEAD_REFORM_RULE => {
            "resolve stage: a reform a sentence names after the one it opens on".into()
        }
        AREA_PARAGRAPH_RULE => {
            "resolve stage: a sub-area or thing of the area its paragraph is about".into()
        }
        COUNTED_KIND_RULE => {
            "resolve stage: a member its paragraph names of a count of a kind".into()
        }
        "text.jurisdiction" => "ontology/text.toml [meta] jurisdiction".into(),
        _ => rules.get(rule).map_or_else(
            || "unknown rule: not in this ontology folder".into(),
            |r| format!("{}:{}", r.file.display(), r.line),
        ),
    }
}

fn value(term: &Option<Term>) -> String {
    match term {
        Some(Term::Literal(l)) => l.value().to_owned(),
        Some(t) => display(t),
        None => String::new(),
    }
}

fn literal_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The sentence with chars `start..end` (document offsets) marked, when the mention is inside.
fn marked(sentence: &str, sentence_start: &str, start: &str, end: &str) -> String {
    let (Ok(ss), Ok(s), Ok(e)) = (
        sentence_start.parse::<usize>(),
        start.parse::<usize>(),
        end.parse::<usize>(),
    ) else {
        return sentence.to_owned();
    };
    let chars: Vec<char> = sentence.chars().collect();
    if s < ss || e > ss + chars.len() {
        return sentence.to_owned();
    }
    let (a, b) = (s - ss, e - ss);
    format!(
        "{}【{}】{}",
        chars[..a].iter().collect::<String>(),
        chars[a..b].iter().collect::<String>(),
        chars[b..].iter().collect::<String>()
    )
}

/// Column `name` of a row.
fn col(table: &Table, row: &[Option<Term>], name: &str) -> String {
    table
        .variables
        .iter()
        .position(|v| v == name)
        .map(|i| value(&row[i]))
        .unwrap_or_default()
}

/// The entity a label or IRI names.
fn find_entity(store: &Store, name: &str) -> Result<Option<String>, Error> {
    let query = if name.starts_with("http://") || name.starts_with("https://") {
        format!("SELECT ?e WHERE {{ BIND(<{name}> AS ?e) ?e rdfs:label ?l }} LIMIT 1")
    } else {
        let lit = literal_string(name);
        format!(
            "SELECT ?e WHERE {{ {{ ?e rdfs:label ?l }} UNION {{ ?e skos:altLabel ?l }} \
             FILTER(STR(?l) = {lit}) ?e kg:mention ?m }} ORDER BY ?e LIMIT 1"
        )
    };
    let t = select(store, &query)?;
    Ok(t.rows.first().and_then(|r| match &r[0] {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
        _ => None,
    }))
}

const MENTION_COLUMNS: &str = "?doc ?start ?end ?rule ?sentence ?sstart";
/// A mention's document, offsets, rule and sentence; the sentence is an offset pair into the
/// report's text, which the graph holds once.
const MENTION_PATTERN: &str = "?m nif:referenceContext ?d ; nif:beginIndex ?start ; \
     nif:endIndex ?end ; kg:rule ?rule . ?d rdfs:label ?doc ; nif:isString ?text . \
     OPTIONAL { ?m nif:sentence [ nif:beginIndex ?sstart ; nif:endIndex ?send ] } \
     BIND(SUBSTR(?text, ?sstart + 1, ?send - ?sstart) AS ?sentence)";

fn write_mention(out: &mut String, t: &Table, row: &[Option<Term>], rules: &RuleSet) {
    let rule = col(t, row, "rule");
    let _ = writeln!(
        out,
        "    {} {}–{} · rule {} ({})",
        col(t, row, "doc"),
        col(t, row, "start"),
        col(t, row, "end"),
        rule,
        rule_location(&rule, rules)
    );
    let sentence = col(t, row, "sentence");
    if !sentence.is_empty() {
        let _ = writeln!(
            out,
            "      {}",
            marked(
                &sentence,
                &col(t, row, "sstart"),
                &col(t, row, "start"),
                &col(t, row, "end")
            )
        );
    }
}

/// A section of facts: its heading with how many there are, then each fact's line (if it has
/// one) and the words it came from.
fn write_section(
    out: &mut String,
    heading: &str,
    table: &Table,
    rules: &RuleSet,
    line: impl Fn(&[Option<Term>]) -> Option<String>,
) {
    let _ = writeln!(out, "\n{heading} ({}):", table.rows.len());
    for row in &table.rows {
        if let Some(line) = line(row) {
            let _ = writeln!(out, "  {line}");
        }
        write_mention(out, table, row, rules);
    }
}

/// Everything the store says about one entity, with where each fact comes from.
pub fn explain(store: &Store, name: &str, rules: &RuleSet) -> Result<String, Error> {
    let Some(iri) = find_entity(store, name)? else {
        return Err(Error::Output {
            path: "explain".into(),
            message: format!(
                "no entity labelled {name:?}; list them with `policykg query --named mention-counts`"
            ),
        });
    };
    let mut out = String::new();
    let facts = select(
        store,
        &format!(
            "SELECT ?label (GROUP_CONCAT(DISTINCT STRAFTER(STR(?c), \"#\"); SEPARATOR=\", \") AS ?classes) \
             (GROUP_CONCAT(DISTINCT ?alias; SEPARATOR=\", \") AS ?aliases) \
             WHERE {{ <{iri}> rdfs:label ?label ; a ?c . OPTIONAL {{ <{iri}> skos:altLabel ?alias }} }} GROUP BY ?label"
        ),
    )?;
    for row in &facts.rows {
        let _ = writeln!(out, "{}  <{iri}>", col(&facts, row, "label"));
        let _ = writeln!(out, "  class: {}", col(&facts, row, "classes"));
        let aliases = col(&facts, row, "aliases");
        if !aliases.is_empty() {
            let _ = writeln!(out, "  aliases: {aliases}");
        }
    }
    let definition = select(
        store,
        &format!(
            "SELECT ?definition {MENTION_COLUMNS} WHERE {{ <{iri}> skos:definition ?definition ; \
             kg:definitionSource/kg:mention ?m . {MENTION_PATTERN} }}"
        ),
    )?;
    for row in &definition.rows {
        let _ = writeln!(out, "\ndefinition: {}", col(&definition, row, "definition"));
        write_mention(&mut out, &definition, row, rules);
    }
    let mentions = select(
        store,
        &format!(
            "SELECT {MENTION_COLUMNS} WHERE {{ <{iri}> kg:mention ?m . {MENTION_PATTERN} }} ORDER BY ?doc ?start"
        ),
    )?;
    write_section(&mut out, "mentions", &mentions, rules, |_| None);
    let relations = select(
        store,
        &format!(
            "SELECT ?sl ?relation ?ol {MENTION_COLUMNS} WHERE {{ \
               ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:mention ?m . \
               FILTER(?s = <{iri}> || ?o = <{iri}>) \
               ?s rdfs:label ?sl . ?o rdfs:label ?ol . {MENTION_PATTERN} \
               BIND(STRAFTER(STR(?p), \"#\") AS ?relation) }} ORDER BY ?relation ?sl ?ol ?start"
        ),
    )?;
    write_section(&mut out, "relations", &relations, rules, |row| {
        let c = |name| col(&relations, row, name);
        Some(format!("{} {} {}", c("sl"), c("relation"), c("ol")))
    });
    let quantities = select(
        store,
        &format!(
            "SELECT ?kind ?indicator ?value ?unit {MENTION_COLUMNS} WHERE {{ \
               ?q kg:about <{iri}> ; a ?k ; kg:value ?value ; kg:mention ?m . FILTER(?k IN (kg:Target, kg:Achievement)) \
               OPTIONAL {{ ?q kg:unit ?unit }} OPTIONAL {{ ?q kg:indicator/rdfs:label ?indicator }} {MENTION_PATTERN} \
               BIND(STRAFTER(STR(?k), \"#\") AS ?kind) }} ORDER BY ?doc ?start"
        ),
    )?;
    if !quantities.rows.is_empty() {
        write_section(&mut out, "quantities about it", &quantities, rules, |row| {
            let c = |name| col(&quantities, row, name);
            Some(format!(
                "{} {} {}{}",
                c("kind"),
                c("indicator"),
                c("value"),
                c("unit")
            ))
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::marked;

    #[test]
    fn marks_the_mention_inside_its_sentence() {
        assert_eq!(
            marked("推进雪亮工程建设。", "100", "102", "106"),
            "推进【雪亮工程】建设。"
        );
        // A mention outside the sentence leaves it as it is.
        assert_eq!(marked("推进。", "100", "90", "95"), "推进。");
    }
}
