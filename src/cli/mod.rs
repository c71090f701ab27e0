//! The command line: clap definitions and thin glue over the library. Exit codes: 0 success,
//! 1 rule examples failed, pushed graphs did not land or the graph breaks its shapes, 2 error,
//! 3 a build with `--keep-going` left reports out.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::error::Error;
use crate::export::{self, ExportFormat};
use crate::extract::{CheckOutcome, check};
use crate::graph;
use crate::pipeline::{BuildOptions, BuildSummary, build, report_files};
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
    ///          policykg build corpus/ --jobs 4 --keep-going
    Build {
        /// Report files or folders of *.txt reports.
        #[arg(default_value = "seeds")]
        reports: Vec<PathBuf>,
        /// Output folder; replaced as a whole only when the build succeeds.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// The ontology folder: rules, lexicons, gazetteers (default: ./ontology if there is
        /// one, else the copy built into policykg).
        #[arg(long, default_value = "ontology")]
        ontology: PathBuf,
        /// Reports read at the same time (default: one per core).
        #[arg(long, short)]
        jobs: Option<usize>,
        /// Draw each report's diagram as SVG too (the corpus overview always is, with Graphviz).
        #[arg(long)]
        svg: bool,
        /// Build the reports that can be read, list those that cannot, and exit 3.
        #[arg(long)]
        keep_going: bool,
    },
    /// Run a SPARQL query against the store: given, from a file, or from the query library.
    ///
    /// Examples: policykg query 'SELECT ?p WHERE { ?p a kg:Program } LIMIT 5'
    ///           policykg query --list
    ///           policykg query --named targets-vs-results --format csv
    Query {
        /// The query text (prefixes kg:, rdfs:, skos:, xsd:, rdf:, prov:, owl:, nif:, dcterms: are declared).
        query: Option<String>,
        /// Read the query from a file instead.
        #[arg(long, conflicts_with_all = ["query", "named"])]
        file: Option<PathBuf>,
        /// Run a query of the library (queries/NAME.rq).
        #[arg(long, conflicts_with = "query")]
        named: Option<String>,
        /// List the library's queries and what each answers.
        #[arg(long)]
        list: bool,
        /// The query library.
        #[arg(long, default_value = "queries")]
        queries: PathBuf,
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Write the results here instead of to standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Each target a report sets beside the result the jurisdiction's next report gives:
    /// met, missed or not reported (the named query `promises`).
    ///
    /// Example: policykg promises
    ///          policykg promises --format csv -o promises.csv
    Promises {
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
        /// The query library.
        #[arg(long, default_value = "queries")]
        queries: PathBuf,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Write the table here instead of to standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write tables (CSV) or JSON-LD for analysis from the store.
    ///
    /// Example: policykg export --format csv -o tables/
    Export {
        #[arg(long, value_enum, default_value = "csv")]
        format: ExportFormat,
        /// Output folder (created if missing).
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
        /// The ontology folder (for context.jsonld).
        #[arg(long, default_value = "ontology")]
        ontology: PathBuf,
    },
    /// Every fact about one entity, with the sentence and the rule (file:line) it came from.
    ///
    /// Example: policykg explain 雪亮工程
    Explain {
        /// The entity's label, alias or IRI.
        name: String,
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
        /// The ontology folder, to say where each rule is written.
        #[arg(long, default_value = "ontology")]
        ontology: PathBuf,
    },
    /// Print a shell completion script.
    ///
    /// Example: policykg completions bash > /etc/bash_completion.d/policykg
    Completions { shell: clap_complete::Shell },
    /// Draw the store's overview, one entity's neighbourhood, or a named query's entities.
    ///
    /// Examples: policykg render -o overview.svg
    ///           policykg render --focus 雪亮工程 --depth 2 -o xueliang.svg
    ///           policykg render --query glossary --class Program -o glossary.png
    Render {
        /// The label or IRI of the entity in the middle.
        #[arg(long, conflicts_with = "query")]
        focus: Option<String>,
        #[arg(long, default_value_t = 2)]
        depth: usize,
        /// Draw the entities a named query returns.
        #[arg(long)]
        query: Option<String>,
        /// Keep only these classes (Program, Place, Organization, Person); repeatable.
        #[arg(long = "class")]
        classes: Vec<String>,
        /// Keep only these relations (partOf, locatedIn, responsibleFor); repeatable.
        #[arg(long = "relation")]
        relations: Vec<String>,
        /// Group entities by the report section that first names them.
        #[arg(long)]
        cluster_sections: bool,
        /// At most this many entities in an overview.
        #[arg(long, default_value_t = crate::pipeline::OVERVIEW_CAP)]
        cap: usize,
        /// Output file: .dot, or .svg / .png (needs Graphviz).
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
        #[arg(long, default_value = "queries")]
        queries: PathBuf,
    },
    /// Send the store's graphs to a triple store server (SPARQL 1.1 Graph Store Protocol).
    ///
    /// Each report's named graph, and the ontology's, is replaced on the server with PUT, so a
    /// push can be repeated. Exit 1 when a graph did not land (listed at the end).
    ///
    /// Example: PUSH_PASSWORD=dba policykg push --endpoint http://localhost:8890/sparql-graph-crud-auth
    ///              --user dba --password-env PUSH_PASSWORD --verify
    Push(PushArgs),
    /// Serve the store over HTTP: the SPARQL 1.1 Protocol at /query, a query page at /, entity
    /// pages at /entity. Read-only unless --writable; one log line per request on stderr.
    ///
    /// Example: policykg serve --bind 127.0.0.1:7878 --timeout 30
    Serve(ServeArgs),
    /// Check the graph against its SHACL shapes (pyshacl); exit 1 when something breaks one.
    ///
    /// Examples: policykg validate                  (every report in out/store)
    ///           policykg validate out/my-report.ttl
    Validate {
        /// RDF files to check (Turtle, or N-Triples named .nt) instead of the store.
        files: Vec<PathBuf>,
        #[arg(long, default_value = "out/store")]
        store: PathBuf,
        /// The shapes.
        #[arg(long, default_value = "ontology/shapes.ttl")]
        shapes: PathBuf,
    },
    /// Work with the extraction rules.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(clap::Args)]
struct ServeArgs {
    #[arg(long, default_value = "out/store")]
    store: PathBuf,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:7878")]
    bind: std::net::SocketAddr,
    /// Cancel a query after this many seconds (answered 503 with a message).
    #[arg(long, value_name = "SECONDS")]
    timeout: Option<u64>,
    /// Accept SPARQL updates (otherwise they are answered 403).
    #[arg(long)]
    writable: bool,
    /// Let pages from any origin query this server (Access-Control-Allow-Origin: *).
    #[arg(long)]
    cors: bool,
    /// At most this many connections at once; more wait until one closes.
    #[arg(long, default_value_t = 256)]
    max_connections: usize,
    /// The query library, offered as tabs and as ?named=NAME.
    #[arg(long, default_value = "queries")]
    queries: PathBuf,
    /// The ontology folder, to say where each rule is written on entity pages.
    #[arg(long, default_value = "ontology")]
    ontology: PathBuf,
}

#[derive(clap::Args)]
struct PushArgs {
    /// The Graph Store Protocol endpoint (Virtuoso: …/sparql-graph-crud-auth; Oxigraph: …/store).
    #[arg(long)]
    endpoint: String,
    #[arg(long, default_value = "out/store")]
    store: PathBuf,
    /// Name each graph on the server IRI + report name (default: the store's graph names).
    #[arg(long)]
    graph_prefix: Option<String>,
    /// The user to authenticate as (Basic or Digest, as the server asks).
    #[arg(long, requires = "password_env")]
    user: Option<String>,
    /// The environment variable that holds the user's password.
    #[arg(long, requires = "user")]
    password_env: Option<String>,
    /// Count each graph's triples on the endpoint afterwards and compare with the store's.
    #[arg(long)]
    verify: bool,
    /// The SPARQL query endpoint for --verify (default: beside a Virtuoso or Oxigraph endpoint).
    #[arg(long)]
    sparql: Option<String>,
    /// Print what would be sent, and send nothing.
    #[arg(long)]
    dry_run: bool,
    /// Push only these reports (file stems), with the ontology.
    #[arg(long, num_args = 1..)]
    only: Vec<String>,
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
        // A reader that stops early (`| head`) is not an error.
        Err(Error::Query(crate::query::QueryError::Io(e)))
            if e.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
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
            jobs,
            svg,
            keep_going,
        } => build_reports(&reports, &out, &ontology, jobs, svg, keep_going),
        Command::Query {
            query,
            file,
            named,
            list,
            queries,
            store,
            format,
            output,
        } => {
            if list {
                return list_queries(&queries);
            }
            let text = query_text(query, file, named, &queries)?;
            answer(&store, &text, format, output.as_deref())
        }
        Command::Promises {
            store,
            queries,
            format,
            output,
        } => {
            let promises = query::named::find(&queries, "promises")?;
            answer(&store, &promises.text, format, output.as_deref())
        }
        Command::Export {
            format,
            output,
            store,
            ontology,
        } => export_store(format, &output, &store, &ontology),
        Command::Explain {
            name,
            store,
            ontology,
        } => explain(&name, &store, &ontology),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "policykg",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Render {
            focus,
            depth,
            query: named,
            classes,
            relations,
            cluster_sections,
            cap,
            output,
            store,
            queries,
        } => {
            let filter = render::Filter {
                classes,
                relations,
                cluster_sections,
            };
            let named = named
                .as_deref()
                .map(|n| query::named::find(&queries, n))
                .transpose()?;
            render_command(focus.as_deref(), depth, named, filter, cap, &output, &store)
        }
        Command::Push(args) => push(&args),
        Command::Serve(args) => serve(args),
        Command::Validate {
            files,
            store,
            shapes,
        } => validate(&files, &store, &shapes),
        Command::Rules {
            command: RulesCommand::Test { filter, ontology },
        } => test_rules(&ontology, &filter),
    }
}

/// `policykg build`: the reports into `out`, with a progress bar for more than one; exit 3
/// when `--keep-going` left some out.
fn build_reports(
    reports: &[PathBuf],
    out: &Path,
    ontology: &Path,
    jobs: Option<usize>,
    svg: bool,
    keep_going: bool,
) -> Result<ExitCode, Error> {
    let files = report_files(reports)?;
    let defaults = BuildOptions::default();
    let options = BuildOptions {
        jobs: jobs.unwrap_or(defaults.jobs).max(1),
        svg,
        keep_going,
    };
    let progress = ProgressBar::new(files.len() as u64).with_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .expect("the template is valid"),
    );
    if files.len() < 2 {
        progress.set_draw_target(ProgressDrawTarget::hidden());
    }
    let on_report = |f: &Path| {
        progress.set_message(f.display().to_string());
        progress.inc(1);
    };
    let summary = build(&files, out, ontology, &options, &on_report);
    progress.finish_and_clear();
    let summary = summary?;
    if !summary.svg {
        eprintln!("note: {}", render::INSTALL_GRAPHVIZ);
    }
    print_summary(&summary, out);
    for (path, e) in &summary.failed {
        eprintln!("failed: {}: {e}", path.display());
    }
    Ok(if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "{} of {} reports failed and were left out",
            summary.failed.len(),
            files.len()
        );
        ExitCode::from(3)
    })
}

/// `policykg query --list`: the query library, one query a line.
fn list_queries(queries: &Path) -> Result<ExitCode, Error> {
    for q in query::named::list(queries)? {
        println!("{:<26} {}", q.name, q.description);
    }
    Ok(ExitCode::SUCCESS)
}

/// The text of the query `policykg query` asks: given, read from a file or named from the
/// library.
fn query_text(
    query: Option<String>,
    file: Option<PathBuf>,
    named: Option<String>,
    queries: &Path,
) -> Result<String, Error> {
    Ok(match (query, file, named) {
        (Some(q), ..) => q,
        (None, Some(f), _) => std::fs::read_to_string(&f).map_err(|e| Error::output(&f, e))?,
        (None, None, Some(name)) => query::named::find(queries, &name)?.text,
        (None, None, None) => {
            return Err(Error::Output {
                path: "query".into(),
                message: "give a query, --file FILE or --named NAME (see --list)".into(),
            });
        }
    })
}

/// `policykg render`: a diagram of the store, around one entity or of a named query's rows.
fn render_command(
    focus: Option<&str>,
    depth: usize,
    named: Option<query::named::NamedQuery>,
    filter: render::Filter,
    cap: usize,
    output: &Path,
    store: &Path,
) -> Result<ExitCode, Error> {
    if let Some(c) = filter
        .classes
        .iter()
        .find(|c| !ENTITY_CLASSES.contains(&c.as_str()))
    {
        return Err(Error::output(
            output,
            format!("unknown class {c:?}: use one of {ENTITY_CLASSES:?}"),
        ));
    }
    let view = View {
        focus,
        depth,
        named,
        filter,
        cap,
    };
    render_store(store, &view, output)?;
    Ok(ExitCode::SUCCESS)
}

/// `policykg export`: the store's tables as CSV, or its graph as JSON-LD, into `output`.
fn export_store(
    format: ExportFormat,
    output: &Path,
    store: &Path,
    ontology: &Path,
) -> Result<ExitCode, Error> {
    let store = graph::open_store(store)?;
    std::fs::create_dir_all(output).map_err(|e| Error::output(output, e))?;
    let written = match format {
        ExportFormat::Csv => export::write_csv(&store, output)?,
        ExportFormat::Jsonld => {
            let path = ontology.join("context.jsonld");
            let context =
                crate::files::read_to_string(&path).map_err(|e| Error::output(&path, e))?;
            export::write_jsonld(&store, output, &context)?
        }
    };
    for w in written {
        println!("{}/{w}", output.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// `policykg explain`: every fact about one entity, with its words and rules.
fn explain(name: &str, store: &Path, ontology: &Path) -> Result<ExitCode, Error> {
    let store = graph::open_store(store)?;
    let rules = crate::rules::RuleSet::load(ontology)?;
    print!("{}", crate::explain::explain(&store, name, &rules)?);
    Ok(ExitCode::SUCCESS)
}

/// `policykg serve`: the store over HTTP with the query library and the rules `explain` reads.
fn serve(args: ServeArgs) -> Result<ExitCode, Error> {
    let library = query::named::list(&args.queries)?;
    let rules = crate::rules::RuleSet::load(&args.ontology)?;
    let options = crate::serve::Options {
        store: args.store,
        bind: args.bind,
        timeout: args.timeout.map(std::time::Duration::from_secs),
        writable: args.writable,
        cors: args.cors,
        max_connections: args.max_connections,
    };
    crate::serve::serve(options, library, rules)?;
    Ok(ExitCode::SUCCESS)
}

/// `policykg rules test`: every rule's own examples; exit 1 when one fails.
fn test_rules(ontology: &Path, filter: &str) -> Result<ExitCode, Error> {
    let rules = crate::rules::RuleSet::load(ontology)?;
    let results = check(&rules, filter);
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

/// Pushes the store's graphs; exit 1 when some did not land.
fn push(args: &PushArgs) -> Result<ExitCode, Error> {
    use crate::push;
    let store = graph::open_store(&args.store)?;
    let graphs = push::plan(
        &store,
        &args.store,
        args.graph_prefix.as_deref(),
        &args.only,
    )?;
    if args.dry_run {
        print!("{}", push::describe(&store, &graphs, &args.endpoint)?);
        return Ok(ExitCode::SUCCESS);
    }
    let sparql = if args.verify {
        Some(push::verify_endpoint(
            &args.endpoint,
            args.sparql.as_deref(),
        )?)
    } else {
        None
    };
    let credentials = match (&args.user, &args.password_env) {
        (Some(user), Some(var)) => Some(push::credentials_from_env(user, var)?),
        _ => None,
    };
    let mut client = push::Client::new(credentials, push::Retry::default());
    let progress = ProgressBar::new(graphs.len() as u64).with_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} graphs, {eta} left {wide_msg}")
            .expect("the template is valid"),
    );
    let started = std::time::Instant::now();
    let outcomes = push::push(&store, &graphs, &args.endpoint, &mut client, &progress);
    progress.finish_and_clear();
    let mut outcomes = outcomes?;
    let elapsed = started.elapsed();
    if let Some(sparql) = &sparql {
        push::verify(&mut outcomes, sparql, &mut client)?;
    }
    print!("{}", push::summary(&outcomes, elapsed));
    Ok(if outcomes.iter().all(push::Outcome::landed) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Checks files, or the store's reports, against the shapes and lists what breaks them.
fn validate(files: &[PathBuf], store: &Path, shapes: &Path) -> Result<ExitCode, Error> {
    if !shapes.is_file() {
        return Err(Error::NotFound(shapes.to_owned()));
    }
    let (checked, violations) = if files.is_empty() {
        let opened = graph::open_store(store)?;
        crate::validate::validate_store(&opened, store, shapes)?
    } else {
        if let Some(missing) = files.iter().find(|f| !f.is_file()) {
            return Err(Error::NotFound(missing.clone()));
        }
        (files.len(), crate::validate::validate_files(shapes, files)?)
    };
    for v in &violations {
        println!("{v}");
    }
    if violations.is_empty() {
        println!("{checked} graphs conform to {}", shapes.display());
        Ok(ExitCode::SUCCESS)
    } else {
        println!(
            "{} violations of {} in {checked} graphs",
            violations.len(),
            shapes.display()
        );
        Ok(ExitCode::from(1))
    }
}

/// Runs a query on the store at `store` and writes its results to `output` or standard output.
fn answer(
    store: &Path,
    text: &str,
    format: Format,
    output: Option<&Path>,
) -> Result<ExitCode, Error> {
    let store = graph::open_store(store)?;
    match output {
        Some(path) => {
            let file = std::fs::File::create(path).map_err(|e| Error::output(path, e))?;
            query::write_results(&store, text, format, std::io::BufWriter::new(file))?;
        }
        None => query::write_results(&store, text, format, std::io::stdout().lock())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn print_summary(summary: &BuildSummary, out: &Path) {
    let ontology_time = summary.ontology_time;
    let mut stdout = std::io::stdout().lock();
    for r in &summary.reports {
        if let Some(encoding) = r.decoded_from {
            eprintln!(
                "note: {}: read as {encoding}, not UTF-8; offsets count chars of the decoded text",
                r.path.display()
            );
        }
        let _ = writeln!(
            stdout,
            "{} → {}/{}.ttl",
            r.path.display(),
            out.display(),
            r.name
        );
        for line in &r.lines {
            let _ = writeln!(stdout, "{line}");
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

/// What to draw.
struct View<'a> {
    focus: Option<&'a str>,
    depth: usize,
    named: Option<query::named::NamedQuery>,
    filter: render::Filter,
    cap: usize,
}

/// Draws a store's entities: one's neighbourhood, a named query's entities, or the overview.
fn render_store(store_path: &Path, view: &View, output: &Path) -> Result<(), Error> {
    let store = graph::open_store(store_path)?;
    let triples = graph::report_triples(&store, store_path)?;
    let g = EntityGraph::from_triples(&triples);
    let (title, nodes) = match (view.focus, &view.named) {
        (Some(name), _) => g.focus(name, view.depth).ok_or_else(|| {
            Error::output(
                output,
                format!(
                    "no entity labelled {name:?} in the store; list labels with `policykg query --named mention-counts`"
                ),
            )
        })?,
        (None, Some(q)) => {
            let table = query::select(&store, &q.text)?;
            let cells: Vec<String> = table
                .rows
                .iter()
                .flatten()
                .flatten()
                .map(query::plain)
                .collect();
            (q.name.clone(), g.named(cells.iter().map(String::as_str)))
        }
        (None, None) => ("overview".to_owned(), g.overview(view.cap, &view.filter)),
    };
    let dot = render::print_dot(g.to_dot(&title, &nodes, &view.filter));
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
