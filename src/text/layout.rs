//! Finding the report inside the input and splitting it into parts, sections, paragraphs,
//! sentences, the glossary and its markers. All the cue words and patterns come from
//! `ontology/text.toml`.

use std::path::Path;

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::{
    Document, GlossaryEntry, Listing, Marker, Meta, Paragraph, Part, Section, Sentence, Skipped,
    Span, Tense,
};
use crate::rules::{DataFile, DataFileError};

/// A site's navigation after a report: this many lines in a row…
const NAVIGATION_RUN: usize = 8;
/// …of at most this many chars each.
const NAVIGATION_LINE: usize = 12;

pub type LayoutError = DataFileError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    body: RawBody,
    structure: RawStructure,
    tense: RawTense,
    meta: RawMeta,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBody {
    header_end: Spanned<String>,
    opening: Spanned<String>,
    title_line: Spanned<String>,
    max_title_lines: usize,
    short_line: usize,
    long_line: usize,
    trailer: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStructure {
    part: Spanned<String>,
    section: Spanned<String>,
    glossary_heading: Spanned<String>,
    glossary_entry: Spanned<String>,
    marker: Spanned<String>,
    sentence_end: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTense {
    review: Vec<String>,
    plan: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    jurisdiction: Vec<Spanned<String>>,
    year: Spanned<String>,
    five_year_plan: Vec<String>,
}

/// The compiled `ontology/text.toml`.
#[derive(Debug, Clone)]
pub struct LayoutConfig {
    header_end: Regex,
    opening: Regex,
    title_line: Regex,
    max_title_lines: usize,
    /// Lines this short (in chars) are fragments or page furniture, not title lines.
    short_line: usize,
    /// A line this long (in chars) is a paragraph of the report, not page furniture.
    long_line: usize,
    trailer: Regex,
    part: Regex,
    section: Regex,
    glossary_heading: Regex,
    glossary_entry: Regex,
    marker: Regex,
    sentence_end: Vec<char>,
    review: Vec<String>,
    plan: Vec<String>,
    jurisdiction: Vec<Regex>,
    year: Regex,
    five_year_plan: Vec<String>,
}

impl LayoutConfig {
    pub fn load(path: &Path) -> Result<LayoutConfig, LayoutError> {
        let file = DataFile::read(path)?;
        let raw: RawConfig = file.parse()?;
        Ok(LayoutConfig {
            header_end: file.regex(&raw.body.header_end)?,
            opening: file.regex(&raw.body.opening)?,
            title_line: file.regex(&raw.body.title_line)?,
            max_title_lines: raw.body.max_title_lines,
            short_line: raw.body.short_line,
            long_line: raw.body.long_line,
            trailer: file.regex(&raw.body.trailer)?,
            part: file.regex(&raw.structure.part)?,
            section: file.regex(&raw.structure.section)?,
            glossary_heading: file.regex(&raw.structure.glossary_heading)?,
            glossary_entry: file.regex(&raw.structure.glossary_entry)?,
            marker: file.regex(&raw.structure.marker)?,
            sentence_end: raw.structure.sentence_end.chars().collect(),
            review: raw.tense.review,
            plan: raw.tense.plan,
            jurisdiction: raw
                .meta
                .jurisdiction
                .iter()
                .map(|p| file.regex(p))
                .collect::<Result<_, _>>()?,
            year: file.regex(&raw.meta.year)?,
            five_year_plan: raw.meta.five_year_plan,
        })
    }
}

/// Where everything is in a document.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The report proper; the rest of the input is in `skipped`.
    pub body: Span,
    pub skipped: Vec<Skipped>,
    /// Title, date, meeting and speaker lines above the opening.
    pub title: Vec<Span>,
    pub parts: Vec<Part>,
    pub sections: Vec<Section>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub glossary: Vec<GlossaryEntry>,
    pub listings: Vec<Listing>,
    pub markers: Vec<Marker>,
    pub meta: Meta,
    /// Things a user should know about the layout (no opening found, …).
    pub warnings: Vec<String>,
}

impl Default for Span {
    fn default() -> Self {
        Span::new(0, 0)
    }
}

/// A line of the input: its span (without the line break) and normalized text.
struct Line<'a> {
    span: Span,
    text: &'a str,
}

/// The longest sentence, in chars: above the longest of the corpus (513), and short enough that
/// a mention's sentence, written with each mention, keeps the output linear in the input.
pub const MAX_SENTENCE: usize = 600;

/// Where a sentence that is too long is cut, when it has one of them.
const CLAUSE_BREAKS: [char; 4] = [',', ';', '、', ':'];

/// Whether `lines` start with a site's navigation: a run of short lines without a sentence's
/// end (北京 / 天津 / 河北 …, the lists of bodies and sites a page links to); a report's broken
/// lines come one or two at a time.
fn navigation(lines: &[Line]) -> bool {
    lines.len() >= NAVIGATION_RUN
        && lines[..NAVIGATION_RUN].iter().all(|l| {
            !l.text.is_empty()
                && l.text.chars().count() <= NAVIGATION_LINE
                && !l.text.contains(['。', ',', ';', ':'])
        })
}

fn lines_of(doc: &Document) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, c) in doc.norm.chars().enumerate() {
        if c == '\n' {
            lines.push(Line {
                span: Span::new(start, i),
                text: "",
            });
            start = i + 1;
        }
    }
    lines.push(Line {
        span: Span::new(start, doc.char_len()),
        text: "",
    });
    for line in &mut lines {
        // Trim a trailing CR and surrounding blanks, keeping offsets exact.
        let raw = doc.norm_slice(line.span);
        let lead = raw.chars().take_while(|c| c.is_whitespace()).count();
        let trimmed = raw.trim();
        line.span = Span::new(
            line.span.start + lead,
            line.span.start + lead + trimmed.chars().count(),
        );
        line.text = doc.norm_slice(line.span);
    }
    lines
}

/// Whether a char is a Chinese numeral (零 … 九, 十, 百, 千, and 两 for a count of two).
pub fn is_chinese_numeral(c: char) -> bool {
    "零一二三四五六七八九十百千两".contains(c)
}

/// Chinese numerals up to 99 (一 … 九十九, and 两 for a count of two), as used to number
/// parts and sections and to count.
pub fn small_chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['两'] => Some(2),
        [c] if *c == '十' => Some(10),
        [c] => digit(*c).map(|d| d as u32),
        ['十', u] => digit(*u).map(|d| 10 + d as u32),
        [t, '十'] => digit(*t).map(|d| 10 * d as u32),
        [t, '十', u] => Some(10 * digit(*t)? as u32 + digit(*u)? as u32),
        _ => None,
    }
}

/// A year written in digits or in Chinese digits (二〇〇三).
fn parse_year(s: &str) -> Option<i32> {
    if let Ok(y) = s.parse() {
        return Some(y);
    }
    s.chars().try_fold(0i32, |acc, c| {
        let d = match c {
            '〇' | '零' | '○' => 0,
            _ => "一二三四五六七八九".chars().position(|d| d == c)? as i32 + 1,
        };
        Some(acc * 10 + d)
    })
}

impl Layout {
    pub fn of(doc: &Document, config: &LayoutConfig) -> Layout {
        let lines = lines_of(doc);
        let mut layout = Layout::default();
        let first_report_line = layout.find_body(&lines, config, doc.char_len());
        layout.find_structure(doc, &lines[first_report_line..], config);
        layout.find_listings(doc);
        layout.find_meta(doc, config);
        layout
    }

    /// Finds the body between a scraper's header, web navigation and page trailer; returns the
    /// index of the body's first line.
    fn find_body(&mut self, lines: &[Line], config: &LayoutConfig, len: usize) -> usize {
        let after_header = lines
            .iter()
            .take(30)
            .position(|l| config.header_end.is_match(l.text))
            .map_or(0, |i| i + 1);
        let opening = lines[after_header..]
            .iter()
            .position(|l| config.opening.is_match(l.text))
            .map(|i| i + after_header);
        let first = match opening {
            Some(open) => {
                let mut first = open;
                let mut seen = 0;
                for i in (after_header..open).rev() {
                    let text = lines[i].text;
                    // Scraped titles break into fragments (河北 / 省省 / 长 钮茂生): short lines
                    // neither start nor stop the title block.
                    if text.chars().count() <= config.short_line {
                        continue;
                    }
                    seen += 1;
                    if seen > config.max_title_lines || !config.title_line.is_match(text) {
                        break;
                    }
                    first = i;
                }
                self.title = lines[first..open]
                    .iter()
                    .filter(|l| !l.text.is_empty())
                    .map(|l| l.span)
                    .collect();
                first
            }
            None => {
                self.warnings.push(
                    "no opening line (各位代表) found: the report is read from its first title line".into(),
                );
                let title = (after_header..lines.len().min(after_header + 40))
                    .find(|&i| config.title_line.is_match(lines[i].text));
                if let Some(t) = title {
                    self.title = vec![lines[t].span];
                }
                title
                    .or_else(|| (after_header..lines.len()).find(|&i| !lines[i].text.is_empty()))
                    .unwrap_or(after_header.min(lines.len() - 1))
            }
        };
        // The page trailer comes after the report's first paragraph (a page may carry the
        // report twice: the first trailer ends it).
        let first_paragraph = opening.unwrap_or_else(|| {
            lines[first..]
                .iter()
                .position(|l| l.text.chars().count() >= config.long_line)
                .map_or(first, |i| i + first)
        });
        // …or a site's navigation.
        let last = (first_paragraph..lines.len())
            .find(|&i| config.trailer.is_match(lines[i].text) || navigation(&lines[i..]))
            .unwrap_or(lines.len());
        let start = lines[first].span.start;
        let end = if last < lines.len() {
            lines[last].span.start
        } else {
            len
        };
        // Trim trailing blank lines from the body.
        let end = lines[first..last]
            .iter()
            .rev()
            .find(|l| !l.text.is_empty())
            .map_or(end, |l| l.span.end);
        self.body = Span::new(start, end.max(start));
        if start > 0 {
            let reason = if opening.is_some() && after_header > 0 {
                "header and web-page text before the report"
            } else if after_header > 0 {
                "header block"
            } else {
                "text before the report's title"
            };
            self.skipped.push(Skipped {
                span: Span::new(0, start),
                reason,
            });
        }
        if last < lines.len() {
            self.skipped.push(Skipped {
                span: Span::new(lines[last].span.start, len),
                reason: "web-page text after the report",
            });
        }
        first
    }

    fn find_structure(&mut self, doc: &Document, lines: &[Line], config: &LayoutConfig) {
        let mut in_glossary = false;
        // Parts and sections end where their last line ends, not at the next heading.
        let mut prev_end = self.body.start;
        for line in lines {
            if line.span.start >= self.body.end {
                break;
            }
            if line.text.is_empty() {
                continue;
            }
            let last_end = std::mem::replace(&mut prev_end, line.span.end);
            if config.glossary_heading.is_match(line.text) {
                in_glossary = true;
                self.close_open_spans(last_end);
                continue;
            }
            // A heading is one phrase: a numbered line with a full stop is a list item.
            let heading_like = !line
                .text
                .trim_end_matches(|c| config.sentence_end.contains(&c))
                .contains(|c| config.sentence_end.contains(&c));
            if !in_glossary && heading_like {
                if let Some(c) = config.part.captures(line.text) {
                    self.close_open_spans(last_end);
                    let heading = line.text;
                    let tense = if config.plan.iter().any(|w| heading.contains(w.as_str())) {
                        Tense::Plan
                    } else if config.review.iter().any(|w| heading.contains(w.as_str())) {
                        Tense::Review
                    } else {
                        Tense::Other
                    };
                    self.parts.push(Part {
                        number: small_chinese_number(&c["number"]).unwrap_or(0),
                        heading: line.span,
                        span: Span::new(line.span.start, self.body.end),
                        tense,
                    });
                } else if let Some(c) = config.section.captures(line.text) {
                    if let Some(s) = self.sections.last_mut() {
                        s.span.end = s.span.end.min(last_end);
                    }
                    self.sections.push(Section {
                        number: small_chinese_number(&c["number"]).unwrap_or(0),
                        heading: line.span,
                        span: Span::new(line.span.start, self.part_end()),
                        part: self.parts.len().checked_sub(1),
                    });
                }
            }
            let paragraph = self.paragraphs.len();
            let mut content = line.span;
            if in_glossary && let Some(c) = config.glossary_entry.captures(line.text) {
                let term = c.name("term").unwrap();
                let definition = c.name("definition").unwrap();
                content = doc.span_of_bytes(
                    doc.byte_at_char(line.span.start) + definition.start(),
                    doc.byte_at_char(line.span.start) + definition.end(),
                );
                self.glossary.push(GlossaryEntry {
                    number: c["number"].parse().unwrap_or(0),
                    term: doc.span_of_bytes(
                        doc.byte_at_char(line.span.start) + term.start(),
                        doc.byte_at_char(line.span.start) + term.end(),
                    ),
                    definition: content,
                });
            }
            let current_section = self
                .sections
                .last()
                .filter(|s| s.span.end > line.span.start)
                .map(|_| self.sections.len() - 1);
            self.paragraphs.push(Paragraph {
                span: line.span,
                part: self.parts.len().checked_sub(1).filter(|_| !in_glossary),
                section: current_section.filter(|_| !in_glossary),
                in_glossary,
            });
            self.split_sentences(doc, content, paragraph, &config.sentence_end);
            if !in_glossary {
                self.find_markers(doc, line, &config.marker);
            }
        }
        for marker in &mut self.markers {
            marker.entry = self.glossary.iter().position(|e| e.number == marker.number);
        }
    }

    /// A body paragraph that ends in a quote with a count and a colon (要实现“六个走前列、
    /// 做标杆”:) announces that many paragraphs of its items: those that follow, up to the next
    /// paragraph that announces something.
    fn find_listings(&mut self, doc: &Document) {
        for (i, paragraph) in self.paragraphs.iter().enumerate() {
            let text = doc.norm_slice(paragraph.span).trim_end();
            let Some(quoted) = text.strip_suffix(':').and_then(|t| t.strip_suffix('”')) else {
                continue;
            };
            let Some(open) = quoted.rfind('“') else {
                continue;
            };
            let inner = &quoted[open + '“'.len_utf8()..];
            let numeral: String = inner
                .chars()
                .take_while(|&c| is_chinese_numeral(c))
                .collect();
            let count = small_chinese_number(&numeral);
            let Some(count) = count.filter(|&n| n >= 2 && !paragraph.in_glossary) else {
                continue;
            };
            let items = self.paragraphs[i + 1..]
                .iter()
                .take(count as usize)
                .take_while(|p| !p.in_glossary && !doc.norm_slice(p.span).trim_end().ends_with(':'))
                .count();
            let base = doc.byte_at_char(paragraph.span.start);
            let start = base + open + '“'.len_utf8();
            self.listings.push(Listing {
                term: doc.span_of_bytes(start, start + inner.len()),
                items: (i + 1..i + 1 + items).collect(),
            });
        }
    }

    fn part_end(&self) -> usize {
        self.parts.last().map_or(self.body.end, |p| p.span.end)
    }

    /// Ends the current part and section at `at` (a new part, or the glossary, starts there).
    fn close_open_spans(&mut self, at: usize) {
        if let Some(p) = self.parts.last_mut() {
            p.span.end = p.span.end.min(at);
        }
        if let Some(s) = self.sections.last_mut() {
            s.span.end = s.span.end.min(at);
        }
    }

    /// Splits a paragraph at sentence ends outside quotes. A sentence that runs past
    /// [`MAX_SENTENCE`] chars (an unclosed quote, a line without stops) is cut at its last
    /// clause break, or at the limit: what reads a sentence (the rules, a mention's sentence)
    /// then costs at most that much per sentence, whatever the shape of the text.
    fn split_sentences(&mut self, doc: &Document, span: Span, paragraph: usize, ends: &[char]) {
        let mut start = span.start;
        let mut quote_depth = 0i32;
        let mut last_break = start;
        let mut cuts = 0;
        let text = doc.norm_slice(span);
        for (i, c) in text.chars().enumerate() {
            match c {
                '“' | '‘' | '「' | '《' => quote_depth += 1,
                '”' | '’' | '」' | '》' => quote_depth = (quote_depth - 1).max(0),
                _ => {}
            }
            let at = span.start + i + 1;
            if CLAUSE_BREAKS.contains(&c) {
                last_break = at;
            }
            let ends_here = quote_depth == 0 && ends.contains(&c);
            if ends_here || at - start >= MAX_SENTENCE {
                let cut = if ends_here || last_break <= start + MAX_SENTENCE / 2 {
                    at
                } else {
                    last_break
                };
                cuts += usize::from(!ends_here);
                self.sentences.push(Sentence {
                    span: Span::new(start, cut),
                    paragraph,
                });
                start = cut;
            }
        }
        if start < span.end {
            self.sentences.push(Sentence {
                span: Span::new(start, span.end),
                paragraph,
            });
        }
        if cuts > 0 {
            self.warnings.push(format!(
                "line {}: a sentence of more than {MAX_SENTENCE} chars was cut {cuts} times (at clause breaks where it has them)",
                doc.line_of(span.start)
            ));
        }
    }

    fn find_markers(&mut self, doc: &Document, line: &Line, pattern: &Regex) {
        let base = doc.byte_at_char(line.span.start);
        for c in pattern.captures_iter(line.text) {
            let whole = c.get(0).unwrap();
            let number = match (c.name("circled"), c.name("number")) {
                (Some(m), _) => m.as_str().chars().next().unwrap() as u32 - '①' as u32 + 1,
                (None, Some(m)) => m.as_str().parse().unwrap_or(0),
                (None, None) => continue,
            };
            self.markers.push(Marker {
                span: doc.span_of_bytes(base + whole.start(), base + whole.end()),
                number,
                entry: None,
            });
        }
    }

    fn find_meta(&mut self, doc: &Document, config: &LayoutConfig) {
        // Where to look, in order: the title block, a scraper's header, the first paragraphs.
        let places: Vec<Span> = self
            .title
            .iter()
            .copied()
            .chain(std::iter::once(Span::new(0, self.body.start)))
            .chain(self.paragraphs.iter().take(3).map(|p| p.span))
            .collect();
        'found: for pattern in &config.jurisdiction {
            for span in &places {
                let text = doc.norm_slice(*span);
                if let Some(m) = pattern.captures(text).and_then(|c| c.name("name")) {
                    let base = doc.byte_at_char(span.start);
                    self.meta.jurisdiction = Some((
                        m.as_str().to_owned(),
                        doc.span_of_bytes(base + m.start(), base + m.end()),
                    ));
                    break 'found;
                }
            }
        }
        self.meta.year = places.iter().find_map(|s| {
            let c = config.year.captures(doc.norm_slice(*s))?;
            parse_year(&c["year"])
        });
        if let Some(year) = self.meta.year {
            let body = doc.norm_slice(self.body);
            let five = config
                .five_year_plan
                .iter()
                .any(|w| body.contains(w.as_str()));
            self.meta.plan_period = Some((year, if five { year + 4 } else { year }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn config() -> LayoutConfig {
        LayoutConfig::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology/text.toml"))
            .unwrap()
    }

    fn doc(text: &str) -> Document {
        Document::from_text("t".into(), PathBuf::from("t.txt"), text.into(), &config())
    }

    const REPORT: &str = "标题:2019年某县政府工作报告\n正文:\n首页\n>>\n——2019年1月5日在某某县第五届人民代表大会第三次会议上\n某某县人民政府县长 张三\n各位代表:\n一、2018年工作回顾\n(一)经济稳步增长\n全县生产总值增长8%①。“双创”示范基地建成!\n二、2019年工作安排\n力争增长7%。\n名词解释\n1.“双创”:大众创业、万众创新。\n来源:某某网\n";

    #[test]
    fn finds_the_report_inside_scraped_text() {
        let d = doc(REPORT);
        let body = d.norm_slice(d.layout.body);
        assert!(body.starts_with("——2019年1月5日"), "{body}");
        assert!(body.ends_with("大众创业、万众创新。"), "{body}");
        assert_eq!(d.layout.skipped.len(), 2);
        assert_eq!(d.layout.title.len(), 2);
        assert_eq!(d.layout.meta.jurisdiction.as_ref().unwrap().0, "某某县");
        assert_eq!(d.layout.meta.year, Some(2019));
        assert_eq!(d.layout.meta.plan_period, Some((2019, 2019)));
    }

    #[test]
    fn parts_sections_and_tense() {
        let d = doc(REPORT);
        let parts = &d.layout.parts;
        assert_eq!(parts.len(), 2);
        assert_eq!((parts[0].number, parts[0].tense), (1, Tense::Review));
        assert_eq!((parts[1].number, parts[1].tense), (2, Tense::Plan));
        assert_eq!(d.layout.sections.len(), 1);
        assert!(d.norm_slice(parts[0].span).ends_with("建成!"));
        let at = d.norm.find("力争").unwrap();
        assert_eq!(d.tense_at(d.char_at_byte(at)), Tense::Plan);
    }

    #[test]
    fn sentences_split_at_stops_but_not_inside_quotes() {
        let d = doc("各位代表:\n他说“好。很好。”然后走了。再见!尾巴");
        let sentences: Vec<&str> = d
            .layout
            .sentences
            .iter()
            .map(|s| d.norm_slice(s.span))
            .collect();
        assert_eq!(
            sentences,
            ["各位代表:", "他说“好。很好。”然后走了。", "再见!", "尾巴"]
        );
    }

    #[test]
    fn offsets_are_chars_into_the_original() {
        let text = "各位代表：\n全县增长８％。";
        let d = doc(text);
        let s = d.layout.sentences[1].span;
        assert_eq!(d.original(s), "全县增长８％。");
        assert_eq!(s.start, 6);
        assert_eq!(d.norm_slice(s), "全县增长8%。");
    }

    #[test]
    fn glossary_entries_and_markers() {
        let d = doc(REPORT);
        let g = &d.layout.glossary;
        assert_eq!(g.len(), 1);
        assert_eq!(d.original(g[0].term), "“双创”");
        assert_eq!(d.original(g[0].definition), "大众创业、万众创新。");
        assert_eq!(d.layout.markers.len(), 1);
        assert_eq!(d.layout.markers[0].entry, Some(0));
        // The entry's number is not part of any sentence.
        assert!(
            d.layout
                .sentences
                .iter()
                .all(|s| !d.norm_slice(s.span).starts_with("1."))
        );
    }

    #[test]
    fn a_numbered_quote_before_a_colon_announces_its_paragraphs() {
        let d = doc(
            "各位代表:\n要实现“两个率先”:\n在改革上率先。\n在开放上率先。\n抓好落实。\n做到“三个到位”:\n名词解释\n1.双创:大众创业。",
        );
        let l = &d.layout.listings;
        assert_eq!(l.len(), 2, "{l:?}");
        assert_eq!(d.norm_slice(l[0].term), "两个率先");
        let items: Vec<&str> = l[0]
            .items
            .iter()
            .map(|&p| d.norm_slice(d.layout.paragraphs[p].span))
            .collect();
        assert_eq!(items, ["在改革上率先。", "在开放上率先。"]);
        // The glossary is nobody's item.
        assert!(l[1].items.is_empty());
    }

    #[test]
    fn bracket_markers_link_too() {
        let d = doc("各位代表:\n推进雪亮工程[1]建设。\n名词解释\n1.雪亮工程:视频监控。");
        assert_eq!(d.layout.markers[0].number, 1);
        assert_eq!(d.layout.markers[0].entry, Some(0));
    }

    #[test]
    fn chinese_numbers_and_years() {
        assert_eq!(small_chinese_number("十"), Some(10));
        assert_eq!(small_chinese_number("十二"), Some(12));
        assert_eq!(small_chinese_number("二十"), Some(20));
        assert_eq!(small_chinese_number("二十三"), Some(23));
        assert_eq!(small_chinese_number("两"), Some(2));
        assert_eq!(parse_year("二〇〇三"), Some(2003));
        assert_eq!(parse_year("2021"), Some(2021));
    }

    #[test]
    fn text_without_an_opening_still_lays_out() {
        let d = doc("只有一句话。");
        assert_eq!(d.layout.sentences.len(), 1);
        assert!(!d.layout.warnings.is_empty());
    }
}
