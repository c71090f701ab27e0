//! Text stage: load a report, normalize it, find where the report starts and ends, and split it
//! into title lines, parts, sections, paragraphs, sentences and the glossary.
//!
//! Invariant: every [`Span`] counts Unicode scalar values (chars) from 0 in the original input,
//! and slicing the original text at a span gives the words that produced it.

mod layout;
mod load;
mod normalize;
mod tokens;

use std::path::{Path, PathBuf};

pub use layout::{Layout, LayoutError, MAX_SENTENCE, is_chinese_numeral, small_chinese_number};
pub use load::{LoadError, ReportText, read_report};
pub use normalize::{join_broken_lines, normalize, normalize_char};
pub use tokens::{DomainWeight, Pos, Segmenter, Token, Words};

/// A half-open range of char offsets into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Whether a part of the report looks back (results) or forward (plans and goals).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Review,
    Plan,
    Other,
}

/// A numbered part (一、二、…) with its heading line.
#[derive(Debug, Clone)]
pub struct Part {
    pub number: u32,
    pub heading: Span,
    pub span: Span,
    pub tense: Tense,
}

/// A numbered section ((一)、(二)、…) inside a part.
#[derive(Debug, Clone)]
pub struct Section {
    pub number: u32,
    pub heading: Span,
    pub span: Span,
    pub part: Option<usize>,
}

/// One line of the report body.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    pub part: Option<usize>,
    pub section: Option<usize>,
    pub in_glossary: bool,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// A numbered glossary (名词解释) entry: `N.term:definition`.
#[derive(Debug, Clone)]
pub struct GlossaryEntry {
    pub number: u32,
    pub term: Span,
    pub definition: Span,
}

/// A numbered quote that heads the paragraphs after it (实现“六个走前列、做标杆”: and six
/// paragraphs, each of one of the six): the quote's words and its item paragraphs.
#[derive(Debug, Clone)]
pub struct Listing {
    /// The quoted name, without its quote marks.
    pub term: Span,
    /// The paragraphs that follow it, as many as its count says or fewer.
    pub items: Vec<usize>,
}

/// A footnote marker in the body (①, [1], ^[1]) and the glossary entry it points at.
#[derive(Debug, Clone)]
pub struct Marker {
    pub span: Span,
    pub number: u32,
    pub entry: Option<usize>,
}

/// Text outside the report proper (a scraper's header, a web page's navigation).
#[derive(Debug, Clone)]
pub struct Skipped {
    pub span: Span,
    pub reason: &'static str,
}

/// What the opening lines say about the report.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// The name of the body that gives the report, as written (西湖区, 河北省).
    pub jurisdiction: Option<(String, Span)>,
    pub year: Option<i32>,
    /// First and last year of the period the plan part covers.
    pub plan_period: Option<(i32, i32)>,
}

/// A report read into memory, with its layout.
#[derive(Debug, Clone)]
pub struct Document {
    /// The input file's stem: the report's id in file names and IRIs.
    pub name: String,
    pub path: PathBuf,
    /// The text as given (decoded to UTF-8 when the file was not).
    pub text: String,
    /// The encoding the file was decoded from, when it was not UTF-8 (`GB18030`, `UTF-16LE`).
    pub decoded_from: Option<&'static str>,
    /// The text after [`normalize`]: the same chars, one for one.
    pub norm: String,
    /// Byte offset of each char (and of the end) in `norm`, and in `text`.
    char_bytes: Vec<usize>,
    text_char_bytes: Vec<usize>,
    pub layout: Layout,
}

impl Document {
    /// Reads and lays out a report file.
    pub fn load(path: &Path, config: &layout::LayoutConfig) -> Result<Document, crate::Error> {
        let read = read_report(path)?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "report".to_owned());
        let mut doc = Document::from_text(name, path.to_owned(), read.text, config);
        doc.decoded_from = read.decoded_from;
        Ok(doc)
    }

    /// Lays out a report given as a string (extraction never fails on text).
    pub fn from_text(
        name: String,
        path: PathBuf,
        text: String,
        config: &layout::LayoutConfig,
    ) -> Document {
        let norm = join_broken_lines(normalize(&text));
        let offsets = |s: &str| -> Vec<usize> {
            s.char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(s.len()))
                .collect()
        };
        let char_bytes = offsets(&norm);
        let text_char_bytes = offsets(&text);
        let mut doc = Document {
            name,
            path,
            text,
            decoded_from: None,
            norm,
            char_bytes,
            text_char_bytes,
            layout: Layout::default(),
        };
        doc.layout = Layout::of(&doc, config);
        doc
    }

    /// Number of chars in the text.
    pub fn char_len(&self) -> usize {
        self.char_bytes.len() - 1
    }

    /// The normalized text of a span.
    pub fn norm_slice(&self, span: Span) -> &str {
        &self.norm[self.char_bytes[span.start]..self.char_bytes[span.end]]
    }

    /// The original text of a span.
    pub fn original(&self, span: Span) -> String {
        self.text[self.text_char_bytes[span.start]..self.text_char_bytes[span.end]].to_owned()
    }

    /// The char offset of a byte offset into the normalized text.
    pub fn char_at_byte(&self, byte: usize) -> usize {
        self.char_bytes.partition_point(|&b| b < byte)
    }

    /// The span, in chars, of a byte range of the normalized text.
    pub fn span_of_bytes(&self, start: usize, end: usize) -> Span {
        Span::new(self.char_at_byte(start), self.char_at_byte(end))
    }

    /// The byte offset in the normalized text of a char offset.
    pub fn byte_at_char(&self, char_offset: usize) -> usize {
        self.char_bytes[char_offset]
    }

    /// 1-based line number of a char offset (for messages).
    pub fn line_of(&self, char_offset: usize) -> usize {
        1 + self.norm[..self.byte_at_char(char_offset)]
            .bytes()
            .filter(|&b| b == b'\n')
            .count()
    }

    /// The sentence that contains a span, if any.
    pub fn sentence_of(&self, span: Span) -> Option<&Sentence> {
        let sentences = &self.layout.sentences;
        let i = sentences.partition_point(|s| s.span.end <= span.start);
        sentences.get(i).filter(|s| s.span.contains(span))
    }

    /// The span of the heading of the section (or, outside sections, the part) a sentence is in.
    pub fn heading_span_of(&self, sentence: &Sentence) -> Option<Span> {
        let p = &self.layout.paragraphs[sentence.paragraph];
        let heading = match (p.section, p.part) {
            (Some(s), _) => self.layout.sections[s].heading,
            (None, Some(part)) => self.layout.parts[part].heading,
            (None, None) => return None,
        };
        Some(heading)
    }

    /// The tense of the part a char offset falls in.
    pub fn tense_at(&self, char_offset: usize) -> Tense {
        self.layout
            .parts
            .iter()
            .find(|p| p.span.start <= char_offset && char_offset < p.span.end)
            .map_or(Tense::Other, |p| p.tense)
    }
}

pub use layout::LayoutConfig;
