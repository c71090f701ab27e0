//! Render stage: entities and their relations projected into a petgraph graph, drawn as DOT
//! with graphviz-rust (node shape and colour by class, Chinese labels, a CJK font), and as SVG
//! when Graphviz's `dot` is installed.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt::Write as _;
use std::io::Write;
use std::process::{Command, Stdio};

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use oxigraph::model::{Term, Triple};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::graph::vocab::{KG, NIF, RDF, RDFS};

/// The font Graphviz needs to draw Chinese glyphs (Debian: fonts-noto-cjk).
pub const CJK_FONT: &str = "Noto Sans CJK SC";

/// How each class is drawn: (class, shape, fill colour, legend label). One table for every
/// diagram.
pub const STYLES: [(&str, &str, &str, &str); 4] = [
    ("Program", "box", "#fde68a", "项目 Program"),
    ("Place", "ellipse", "#bfdbfe", "地点 Place"),
    ("Organization", "hexagon", "#bbf7d0", "机构 Organization"),
    ("Person", "octagon", "#fecaca", "人物 Person"),
];

/// The relations drawn as edges, with their Chinese labels.
pub const RELATIONS: [(&str, &str); 3] = [
    ("partOf", "属于"),
    ("locatedIn", "位于"),
    ("responsibleFor", "负责"),
];

#[derive(Debug, Clone)]
pub struct EntityNode {
    pub iri: String,
    pub label: String,
    pub class: String,
    pub mentions: usize,
    /// The section heading of the entity's first mention, for clusters.
    pub section: Option<String>,
}

/// What a diagram keeps: classes and relations (empty: all), and whether to cluster nodes by
/// the report section that first names them.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub classes: Vec<String>,
    pub relations: Vec<String>,
    pub cluster_sections: bool,
}

impl Filter {
    fn keeps_class(&self, class: &str) -> bool {
        self.classes.is_empty() || self.classes.iter().any(|c| c == class)
    }
    fn keeps_relation(&self, relation: &str) -> bool {
        self.relations.is_empty() || self.relations.iter().any(|r| r == relation)
    }
}

/// What the words of a span need besides its start: its end, its report, the report's text.
#[derive(Default)]
struct Spans {
    ends: HashMap<String, usize>,
    contexts: HashMap<String, String>,
    texts: HashMap<String, String>,
}

impl Spans {
    /// The words of the span `iri` (a section's heading), read from its report's text.
    fn words(&self, iri: &str, starts: &HashMap<String, u64>) -> Option<String> {
        let start = usize::try_from(*starts.get(iri)?).ok()?;
        let end = *self.ends.get(iri)?;
        let text = self.texts.get(self.contexts.get(iri)?)?;
        Some(
            text.chars()
                .skip(start)
                .take(end.saturating_sub(start))
                .collect(),
        )
    }
}

/// Entities and the relations between them.
pub struct EntityGraph {
    pub graph: DiGraph<EntityNode, &'static str>,
    index: HashMap<String, NodeIndex>,
}

impl EntityGraph {
    /// Projects triples (a report's, or a store's) into a graph of entities.
    pub fn from_triples<'a>(triples: impl IntoIterator<Item = &'a Triple>) -> EntityGraph {
        let top: BTreeMap<String, &str> = STYLES
            .iter()
            .map(|(c, ..)| (format!("{KG}{c}"), *c))
            .collect();
        let rel: BTreeMap<String, &'static str> = RELATIONS
            .iter()
            .map(|(r, _)| (format!("{KG}{r}"), *r))
            .collect();
        let (type_p, label_p, mention_p, start_p, sentence_p, section_p) = (
            format!("{RDF}type"),
            format!("{RDFS}label"),
            format!("{KG}mention"),
            format!("{NIF}beginIndex"),
            format!("{NIF}sentence"),
            format!("{KG}section"),
        );
        let (end_p, context_p, text_p) = (
            format!("{NIF}endIndex"),
            format!("{NIF}referenceContext"),
            format!("{NIF}isString"),
        );
        let mut classes: BTreeMap<String, &str> = BTreeMap::new();
        let mut labels: BTreeMap<String, String> = BTreeMap::new();
        let mut mentions: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut starts: HashMap<String, u64> = HashMap::new();
        // A mention's sentence, a sentence's section heading (a span: its end and its report,
        // whose text holds its words).
        let mut sentences: HashMap<String, String> = HashMap::new();
        let mut sections: HashMap<String, String> = HashMap::new();
        let mut spans = Spans::default();
        let mut edges: BTreeSet<(String, &'static str, String)> = BTreeSet::new();
        for t in triples {
            let s = t.subject.to_string();
            let s = s.trim_matches(|c| c == '<' || c == '>').to_owned();
            let p = t.predicate.as_str();
            match &t.object {
                Term::NamedNode(o) if p == type_p => {
                    if let Some(c) = top.get(o.as_str()) {
                        classes.insert(s, c);
                    }
                }
                Term::Literal(l) if p == label_p => {
                    labels.insert(s, l.value().to_owned());
                }
                Term::NamedNode(m) if p == mention_p => {
                    mentions.entry(s).or_default().push(m.as_str().to_owned());
                }
                Term::Literal(l) if p == start_p => {
                    starts.insert(s, l.value().parse().unwrap_or(u64::MAX));
                }
                Term::Literal(l) if p == end_p => {
                    spans.ends.insert(s, l.value().parse().unwrap_or(0));
                }
                Term::NamedNode(o) if p == context_p => {
                    spans.contexts.insert(s, o.as_str().to_owned());
                }
                Term::Literal(l) if p == text_p => {
                    spans.texts.insert(s, l.value().to_owned());
                }
                Term::NamedNode(o) if p == sentence_p => {
                    sentences.insert(s, o.as_str().to_owned());
                }
                Term::NamedNode(o) if p == section_p => {
                    sections.insert(s, o.as_str().to_owned());
                }
                Term::NamedNode(o) => {
                    if let Some(r) = rel.get(p) {
                        edges.insert((s, r, o.as_str().to_owned()));
                    }
                }
                _ => {}
            }
        }
        let nodes = classes.iter().map(|(iri, class)| {
            let own = mentions.get(iri).map_or(&[][..], Vec::as_slice);
            let first = own
                .iter()
                .min_by_key(|m| (starts.get(*m).copied().unwrap_or(u64::MAX), (*m).clone()));
            EntityNode {
                iri: iri.clone(),
                label: labels.get(iri).cloned().unwrap_or_else(|| iri.clone()),
                class: (*class).to_owned(),
                mentions: own.len(),
                section: first
                    .and_then(|m| sentences.get(m))
                    .and_then(|s| sections.get(s))
                    .and_then(|title| spans.words(title, &starts)),
            }
        });
        EntityGraph::from_parts(nodes, edges)
    }

    /// A graph of the given entities and the relations (subject IRI, relation, object IRI)
    /// between them.
    pub fn from_parts(
        nodes: impl IntoIterator<Item = EntityNode>,
        edges: impl IntoIterator<Item = (String, &'static str, String)>,
    ) -> EntityGraph {
        let mut graph = DiGraph::new();
        let mut index = HashMap::new();
        for node in nodes {
            let iri = node.iri.clone();
            index.insert(iri, graph.add_node(node));
        }
        for (s, r, o) in edges {
            if let (Some(&a), Some(&b)) = (index.get(&s), index.get(&o)) {
                graph.add_edge(a, b, r);
            }
        }
        EntityGraph { graph, index }
    }

    /// The entities and relations as TSV lines (`node`: IRI, class, label, mentions;
    /// `edge`: subject, relation, object), for a corpus overview to gather later.
    pub fn to_tsv(&self) -> String {
        let mut out = String::new();
        for n in self.graph.node_weights() {
            let _ = writeln!(
                out,
                "node\t{}\t{}\t{}\t{}",
                n.iri, n.class, n.label, n.mentions
            );
        }
        for e in self.graph.edge_references() {
            let (s, o) = (&self.graph[e.source()].iri, &self.graph[e.target()].iri);
            let _ = writeln!(out, "edge\t{s}\t{}\t{o}", e.weight());
        }
        out
    }

    /// The node whose label or IRI is `name`.
    pub fn find(&self, name: &str) -> Option<NodeIndex> {
        self.index.get(name).copied().or_else(|| {
            self.graph
                .node_indices()
                .find(|&i| self.graph[i].label == name)
        })
    }

    /// The entity named `name` (label or IRI) and its neighbourhood within `depth` edges, with
    /// a title for the drawing.
    pub fn focus(&self, name: &str, depth: usize) -> Option<(String, BTreeSet<NodeIndex>)> {
        let start = self.find(name)?;
        Some((
            format!("{} (depth {depth})", self.graph[start].label),
            self.neighbourhood(start, depth),
        ))
    }

    /// Nodes within `depth` edges of `start`, either direction.
    pub fn neighbourhood(&self, start: NodeIndex, depth: usize) -> BTreeSet<NodeIndex> {
        let mut seen = BTreeSet::from([start]);
        let mut queue = VecDeque::from([(start, 0)]);
        while let Some((n, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            for m in self.graph.neighbors_undirected(n) {
                if seen.insert(m) {
                    queue.push_back((m, d + 1));
                }
            }
        }
        seen
    }

    /// The most central nodes that pass the filter, at most `cap`: a legible overview. Ranked
    /// by PageRank over the relations (both directions), then by mentions.
    pub fn overview(&self, cap: usize, filter: &Filter) -> BTreeSet<NodeIndex> {
        // PageRank over the related nodes only (both directions): an unrelated node's rank is
        // the same for all of them, and the graph stays small.
        let related: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&n| self.graph.neighbors_undirected(n).next().is_some())
            .collect();
        let position: HashMap<NodeIndex, usize> =
            related.iter().enumerate().map(|(i, &n)| (n, i)).collect();
        let mut linked: DiGraph<(), ()> = DiGraph::new();
        let nodes: Vec<NodeIndex> = related.iter().map(|_| linked.add_node(())).collect();
        for e in self.graph.edge_references() {
            let (a, b) = (nodes[position[&e.source()]], nodes[position[&e.target()]]);
            linked.add_edge(a, b, ());
            linked.add_edge(b, a, ());
        }
        let pr = petgraph::algo::page_rank(&linked, 0.85_f64, 30);
        let rank = |n: NodeIndex| position.get(&n).map_or(0.0, |&i| pr[i]);
        let mut ranked: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&n| filter.keeps_class(&self.graph[n].class))
            .collect();
        ranked.sort_by(|&a, &b| {
            rank(b)
                .total_cmp(&rank(a))
                .then(self.graph[b].mentions.cmp(&self.graph[a].mentions))
                .then(self.graph[a].iri.cmp(&self.graph[b].iri))
        });
        ranked.into_iter().take(cap).collect()
    }

    /// The nodes of `names` (labels or IRIs) that are entities.
    pub fn named<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> BTreeSet<NodeIndex> {
        names.into_iter().filter_map(|n| self.find(n)).collect()
    }

    /// The DOT drawing of the given nodes (those the filter keeps) and the edges between them.
    pub fn to_dot(&self, title: &str, nodes: &BTreeSet<NodeIndex>, filter: &Filter) -> Graph {
        let nodes: BTreeSet<NodeIndex> = nodes
            .iter()
            .copied()
            .filter(|&n| filter.keeps_class(&self.graph[n].class))
            .collect();
        let font = attr("fontname", CJK_FONT);
        let mut stmts: Vec<Stmt> = vec![
            Stmt::GAttribute(GraphAttributes::Graph(vec![
                attr("label", title),
                attr("labelloc", "t"),
                font.clone(),
                attr("rankdir", "LR"),
                attr("overlap", "false"),
            ])),
            Stmt::GAttribute(GraphAttributes::Node(vec![
                font.clone(),
                attr("style", "filled"),
            ])),
            Stmt::GAttribute(GraphAttributes::Edge(vec![
                font.clone(),
                attr("fontsize", "10"),
            ])),
        ];
        let node_id = |i: NodeIndex| NodeId(Id::Plain(format!("n{}", i.index())), None);
        let style = |class: &str| {
            STYLES
                .iter()
                .find(|(c, ..)| *c == class)
                .map_or(("box", "#e5e7eb"), |(_, s, f, _)| (*s, *f))
        };
        // Nodes, in one cluster per report section when asked.
        let mut clusters: BTreeMap<Option<String>, Vec<Stmt>> = BTreeMap::new();
        for &i in &nodes {
            let n = &self.graph[i];
            let (shape, fill) = style(&n.class);
            let node = Stmt::Node(Node::new(
                node_id(i),
                vec![
                    attr("label", &n.label),
                    attr("shape", shape),
                    attr("fillcolor", fill),
                    attr("tooltip", &n.iri),
                ],
            ));
            let key = n.section.clone().filter(|_| filter.cluster_sections);
            clusters.entry(key).or_default().push(node);
        }
        for (k, (section, members)) in clusters.into_iter().enumerate() {
            match section {
                None => stmts.extend(members),
                Some(heading) => {
                    let mut body = vec![Stmt::Attribute(attr("label", &heading))];
                    body.extend(members);
                    stmts.push(Stmt::Subgraph(Subgraph {
                        id: Id::Plain(format!("cluster_section_{k}")),
                        stmts: body,
                    }));
                }
            }
        }
        for e in self.graph.edge_references() {
            if nodes.contains(&e.source())
                && nodes.contains(&e.target())
                && filter.keeps_relation(e.weight())
            {
                let label = RELATIONS
                    .iter()
                    .find(|(r, _)| r == e.weight())
                    .map_or(*e.weight(), |(_, zh)| *zh);
                stmts.push(Stmt::Edge(Edge {
                    ty: EdgeTy::Pair(
                        Vertex::N(node_id(e.source())),
                        Vertex::N(node_id(e.target())),
                    ),
                    attributes: vec![attr("label", label)],
                }));
            }
        }
        stmts.push(legend());
        Graph::DiGraph {
            id: Id::Plain("policykg".into()),
            strict: false,
            stmts,
        }
    }
}

/// A DOT attribute, its value quoted.
fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_owned()), quoted(value))
}

/// The legend: one node per class, in a cluster of its own.
fn legend() -> Stmt {
    let mut legend = vec![Stmt::Attribute(attr("label", "图例 Legend"))];
    for (class, shape, fill, label) in STYLES {
        legend.push(Stmt::Node(Node::new(
            NodeId(Id::Plain(format!("legend_{class}")), None),
            vec![
                attr("label", label),
                attr("shape", shape),
                attr("fillcolor", fill),
            ],
        )));
    }
    Stmt::Subgraph(Subgraph {
        id: Id::Plain("cluster_legend".into()),
        stmts: legend,
    })
}

/// The entities of many reports gathered for one overview: a node's mentions add up over the
/// reports, relations join. It holds each entity once, however many reports name it.
#[derive(Default)]
pub struct Corpus {
    nodes: HashMap<String, EntityNode>,
    edges: BTreeSet<(String, &'static str, String)>,
}

impl Corpus {
    /// Adds a report's entities, as [`EntityGraph::to_tsv`] wrote them.
    pub fn add_tsv(&mut self, tsv: &str) {
        for line in tsv.lines() {
            match line.split('\t').collect::<Vec<_>>()[..] {
                ["node", iri, class, label, mentions] => {
                    let mentions: usize = mentions.parse().unwrap_or(0);
                    self.nodes
                        .entry(iri.to_owned())
                        .and_modify(|n| n.mentions += mentions)
                        .or_insert_with(|| EntityNode {
                            iri: iri.to_owned(),
                            label: label.to_owned(),
                            class: class.to_owned(),
                            mentions,
                            section: None,
                        });
                }
                ["edge", s, relation, o] => {
                    if let Some((r, _)) = RELATIONS.iter().find(|(r, _)| *r == relation) {
                        self.edges.insert((s.to_owned(), r, o.to_owned()));
                    }
                }
                _ => {}
            }
        }
    }

    /// The gathered graph, its nodes in IRI order (the same drawing whatever order the reports
    /// came in).
    pub fn graph(self) -> EntityGraph {
        let mut nodes: Vec<EntityNode> = self.nodes.into_values().collect();
        nodes.sort_by(|a, b| a.iri.cmp(&b.iri));
        EntityGraph::from_parts(nodes, self.edges)
    }
}

/// Makes each entity of a drawing a link: `href` of its IRI (its tooltip) becomes the node's
/// `URL`, which SVG output draws as an `<a>` around the node.
pub fn link_nodes(graph: &mut Graph, href: impl Fn(&str) -> String) {
    let (Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. }) = graph;
    for stmt in stmts {
        let Stmt::Node(node) = stmt else { continue };
        let iri = node
            .attributes
            .iter()
            .find_map(|Attribute(key, value)| match (key, value) {
                (Id::Plain(k), Id::Escaped(v)) if k == "tooltip" => {
                    Some(v.trim_matches('"').to_owned())
                }
                _ => None,
            });
        if let Some(iri) = iri {
            node.attributes
                .push(Attribute(Id::Plain("URL".into()), quoted(&href(&iri))));
            node.attributes
                .push(Attribute(Id::Plain("target".into()), quoted("_top")));
        }
    }
}

fn quoted(value: &str) -> Id {
    Id::Escaped(format!(
        "\"{}\"",
        value.replace('\\', "\\\\").replace('"', "\\\"")
    ))
}

/// DOT text of a graph.
pub fn print_dot(graph: Graph) -> String {
    let mut text = graph.print(&mut PrinterContext::default());
    text.push('\n');
    text
}

/// Whether Graphviz's `dot` can be run.
pub fn dot_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs `dot -T<format>` on DOT text.
pub fn run_dot(dot: &str, format: &str) -> std::io::Result<Vec<u8>> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(dot.as_bytes())?;
    let out = child.wait_with_output()?;
    if !out.status.success() {
        return Err(std::io::Error::other(format!(
            "dot failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(out.stdout)
}

/// How to get `dot`, said once where it is missing.
pub const INSTALL_GRAPHVIZ: &str = "Graphviz's `dot` is not installed, so no SVG was drawn; install it with `apt-get install graphviz fonts-noto-cjk`";
