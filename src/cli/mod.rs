//! The command line: clap definitions and thin glue over the library. Exit codes: 0 success,
//! 1 rule examples failed, 2 error.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use oxigraph::model::Triple;

use crate::error::Error;
use crate::extract::{CheckOutcome, check};
use crate::graph::{self, ontology_graph_iri};
use crate::pipeline::{BuildSummary, Ontology, build, report_files};
use crate::query::{self, Format};
use crate::render::{self, EntityGraph};
use crate::rules::ENTITY_CLASSES;

#[derive(Parser)]
#[command(
    name = "policykg",
    version,
    about = "Turns government work reports (政府工作报告) into a knowledge graph"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build reports into Turtle, N-Quads, DOT/SVG and an Oxigraph store.
    ///
    /// Example: policykg build            (every report in seeds/ into out/)
    ///          policykg build my.txt --out /tmp/my-out
    Build {
        /// Report files or folders of *.txt reports.
        #[arg(default_value = "seeds")]
        reports: Vec<PathBuf>,
        /// Output folder; replaced as a whole only when the build succeeds.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// The ontology folder: rules, lexicons, gazetteers.
        #[arg(long, default_value = "ontology")]
        ontology: PathBuf,
    },
    /// Run a SPARQL query against the store.
    ///
    /// Example: policykg query 'SELECT ?p WHERE { ?p a kg:Program } LIMIT 5'
    Query {
        /// The query text (prefixes kg:, rdfs:, skos:, xsd:, rdf:, prov:, owl: are declared).
        query: Option<String>,
        /// Read the query from a file instead.
        #[arg(long, conflicts_with = "query")]
        file: Option<PathBuf>,
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Draw one entity's neighbourhood (or the whole store's overview) as DOT or SVG.
    ///
    /// Example: policykg render --focus 雪亮工程 --depth 2 -o xueliang.svg
    Render {
        /// The label or IRI of the entity in the middle.
        #[arg(long)]
        focus: Option<String>,
        #[arg(long, default_value_t = 2)]
        depth: usize,
        /// Output file: .dot, or .svg (needs Graphviz).
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
    },
    /// Work with the extraction rules.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Run every rule's own examples; exit 1 when one fails.
    ///
    /// Example: policykg rules test --filter entity.
    Test {
        /// Only rules whose id starts with this.
        #[arg(long, default_value = "")]
        filter: String,
        #[arg(long, default_value = "ontology")]
        ontology: PathBuf,
    },
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Build {
            reports,
            out,
            ontology,
        } => {
            let started = std::time::Instant::now();
            let ontology = Ontology::load(&ontology)?;
            let load_time = started.elapsed();
            let files = report_files(&reports)?;
            let svg = render::dot_available();
            if !svg {
                eprintln!("note: {}", render::INSTALL_GRAPHVIZ);
            }
            let summary = build(&files, &out, &ontology, svg)?;
            print_summary(&summary, &out, load_time);
            Ok(ExitCode::SUCCESS)
        }
        Command::Query {
            query,
            file,
            store,
            format,
        } => {
            let text = match (query, file) {
                (Some(q), _) => q,
                (None, Some(f)) => std::fs::read_to_string(&f).map_err(|e| Error::output(&f, e))?,
                (None, None) => {
                    return Err(Error::Output {
                        path: "query".into(),
                        message: "give a query, or --file FILE".into(),
                    });
                }
            };
            let store = graph::open_store(&store)?;
            let stdout = std::io::stdout();
            query::write_results(&store, &text, format, stdout.lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Render {
            focus,
            depth,
            output,
            store,
        } => {
            render_store(&store, focus.as_deref(), depth, &output)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules {
            command: RulesCommand::Test { filter, ontology },
        } => {
            let rules = crate::rules::RuleSet::load(&ontology)?;
            let results = check(&rules, &filter);
            let failed: Vec<_> = results
                .iter()
                .filter(|r| r.outcome != CheckOutcome::Validated)
                .collect();
            for f in &failed {
                println!(
                    "{:?}\t{}\t{}\t{:?}\t{}",
                    f.outcome, f.rule, f.location, f.text, f.detail
                );
            }
            println!(
                "{} passed, {} failed",
                results.len() - failed.len(),
                failed.len()
            );
            Ok(if failed.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

fn print_summary(summary: &BuildSummary, out: &Path, ontology_time: std::time::Duration) {
    let mut stdout = std::io::stdout().lock();
    for r in &summary.reports {
        let doc = &r.doc;
        let _ = writeln!(
            stdout,
            "{} → {}/{}.ttl",
            doc.path.display(),
            out.display(),
            doc.name
        );
        for s in &doc.layout.skipped {
            let _ = writeln!(
                stdout,
                "  skipped chars {}..{} (lines {}–{}): {}",
                s.span.start,
                s.span.end,
                doc.line_of(s.span.start),
                doc.line_of(s.span.end),
                s.reason
            );
        }
        for w in &doc.layout.warnings {
            let _ = writeln!(stdout, "  warning: {w}");
        }
        let j = r.resolved.jurisdiction.scope().join(" › ");
        let _ = writeln!(
            stdout,
            "  jurisdiction {} · year {} · {} parts, {} sections, {} sentences, {} glossary entries",
            if j.is_empty() { "unknown".into() } else { j },
            doc.layout
                .meta
                .year
                .map_or("unknown".into(), |y| y.to_string()),
            doc.layout.parts.len(),
            doc.layout.sections.len(),
            doc.layout.sentences.len(),
            doc.layout.glossary.len(),
        );
        let counts: Vec<String> = ENTITY_CLASSES
            .iter()
            .map(|c| {
                let n = r.resolved.entities.iter().filter(|e| e.class == *c).count();
                format!("{c} {n}")
            })
            .collect();
        let (targets, achievements) =
            r.resolved
                .quantities
                .iter()
                .fold((0, 0), |(t, a), q| match q.mention.kind {
                    crate::extract::QuantityKind::Target => (t + 1, a),
                    crate::extract::QuantityKind::Achievement => (t, a + 1),
                });
        let _ = writeln!(
            stdout,
            "  {} · Target {targets} · Achievement {achievements} · relations {} · triples {}",
            counts.join(" · "),
            r.resolved.relations.len(),
            r.triples.len()
        );
        if r.resolved.entities.is_empty() {
            let _ = writeln!(stdout, "  warning: no entity recognized in this report");
        }
    }
    let t = &summary.timings;
    let ms = |d: std::time::Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let _ = writeln!(
        stdout,
        "time: ontology {} · text {} · extract {} · resolve {} · graph {} · render {} · write{} {}",
        ms(ontology_time),
        ms(t.text),
        ms(t.extract),
        ms(t.resolve),
        ms(t.graph),
        ms(t.render),
        if summary.svg { " (with dot)" } else { "" },
        ms(t.write)
    );
}

/// Draws a store's entities: one's neighbourhood, or the overview.
fn render_store(
    store: &Path,
    focus: Option<&str>,
    depth: usize,
    output: &Path,
) -> Result<(), Error> {
    let store = graph::open_store(store)?;
    let ontology_graph = ontology_graph_iri();
    let triples: Vec<Triple> = store
        .iter()
        .filter_map(Result::ok)
        .filter(|q| q.graph_name.to_string() != format!("<{ontology_graph}>"))
        .map(Triple::from)
        .collect();
    let g = EntityGraph::from_triples(&triples);
    let (title, nodes) = match focus {
        Some(name) => {
            let start = g.find(name).ok_or_else(|| Error::Output {
                path: output.to_owned(),
                message: format!(
                    "no entity labelled {name:?} in the store; list labels with `policykg query 'SELECT ?l WHERE {{ ?e rdfs:label ?l }}'`"
                ),
            })?;
            (
                format!("{name} (depth {depth})"),
                g.neighbourhood(start, depth),
            )
        }
        None => (
            "overview".to_owned(),
            g.overview(crate::pipeline::OVERVIEW_CAP),
        ),
    };
    let dot = render::print_dot(g.to_dot(&title, &nodes));
    let bytes = match output.extension().and_then(|e| e.to_str()) {
        Some("dot") | Some("gv") => dot.into_bytes(),
        Some(format @ ("svg" | "png")) => {
            if !render::dot_available() {
                return Err(Error::output(output, render::INSTALL_GRAPHVIZ));
            }
            render::run_dot(&dot, format).map_err(|e| Error::output(output, e))?
        }
        _ => {
            return Err(Error::output(
                output,
                "the output must end in .dot, .svg or .png",
            ));
        }
    };
    std::fs::write(output, bytes).map_err(|e| Error::output(output, e))
}
