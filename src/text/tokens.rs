//! The token layer: a text segmented into words, each with its part of speech, by a
//! dictionary segmenter (jieba's MIT dictionary) and a domain dictionary of the genre's own
//! words (the suffix lexicon's endings, regions, cities, bodies). Rules match names and cue
//! words on these words: a name starts and ends where a word does, and 为 inside 成为 is no cue.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use fst::raw::{Fst, Output};

use super::Span;

/// A word's part of speech, from the segmenter's tag set (ICTCLAS), folded to what the rules
/// ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    Noun,
    /// A verb used as a noun (建设 in 基础设施建设): it occurs inside names.
    VerbalNoun,
    Place,
    Organization,
    Person,
    /// Other proper nouns (nz).
    Proper,
    Verb,
    Adjective,
    Adverb,
    Preposition,
    Conjunction,
    Particle,
    Pronoun,
    Numeral,
    Classifier,
    Time,
    Direction,
    Symbol,
    Other,
}

impl Pos {
    /// The part of speech a segmenter tag names.
    pub fn from_tag(tag: &str) -> Pos {
        let two = tag.get(..2).unwrap_or(tag);
        match (two, tag.chars().next()) {
            ("nr", _) => Pos::Person,
            ("ns", _) => Pos::Place,
            ("nt", _) => Pos::Organization,
            ("nz", _) => Pos::Proper,
            ("vn", _) => Pos::VerbalNoun,
            (_, Some('n' | 'l' | 'i' | 'j' | 's' | 'g' | 'b' | 'z')) => Pos::Noun,
            (_, Some('v')) => Pos::Verb,
            (_, Some('a')) => Pos::Adjective,
            (_, Some('d')) => Pos::Adverb,
            (_, Some('p')) => Pos::Preposition,
            (_, Some('c')) => Pos::Conjunction,
            (_, Some('u')) => Pos::Particle,
            (_, Some('r')) => Pos::Pronoun,
            (_, Some('m')) => Pos::Numeral,
            (_, Some('q')) => Pos::Classifier,
            (_, Some('t')) => Pos::Time,
            (_, Some('f')) => Pos::Direction,
            (_, Some('x' | 'w')) => Pos::Symbol,
            _ => Pos::Other,
        }
    }

    /// Words that join a clause's parts and never a name's: prepositions, particles and
    /// pronouns (在, 的, 我们). Not conjunctions: the dictionary tags 及时 as one (及时响应机制).
    pub fn is_function(self) -> bool {
        matches!(self, Pos::Preposition | Pos::Particle | Pos::Pronoun)
    }
}

/// One word: where it is (chars of the input) and its part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub pos: Pos,
}

/// The dictionary segmenter with the domain's words added: jieba's method (every dictionary
/// word at every char, then the most probable way through them) over jieba's dictionary,
/// compiled into an `fst` map at build time (`build.rs`), so that nothing is loaded.
pub struct Segmenter {
    dict: Fst<&'static [u8]>,
    /// The domain's words: frequency and part of speech, over the dictionary's.
    domain: HashMap<String, (u64, Pos)>,
    /// The same words as an `fst` map to their place in a list of (frequency, part of
    /// speech), made at the first use after words are added: a walk from a char stops where
    /// no domain word goes on, where looking up every longer stretch hashed twenty strings.
    domain_index: OnceLock<DomainIndex>,
    /// The sum of every word's frequency.
    total: u64,
}

/// The domain's words as an `fst` map to places in a list of their frequency and part of
/// speech.
type DomainIndex = (Fst<Vec<u8>>, Vec<(u64, Pos)>);

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Segmenter")
    }
}

include!(concat!(env!("OUT_DIR"), "/dict.rs"));
static DICT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dict.fst"));

/// How often a domain word counts as seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainWeight {
    /// A word of the genre: enough to win over the dictionary's own cut of it (雄安 + 新区).
    Word,
    /// A word at a name's edge (the verb that leads it, the ending that ends it): enough that
    /// a compound of it and the next word (全面实施, 工程建设) is cut into them.
    Edge,
}

impl DomainWeight {
    fn frequency(self) -> u64 {
        match self {
            DomainWeight::Word => 20_000,
            DomainWeight::Edge => 200_000,
        }
    }
}

/// A word found at a char: where it ends (bytes), how often it is seen, its part of speech.
type Candidate = (usize, u64, Pos);

impl Segmenter {
    /// jieba's dictionary and `domain` words with the part of speech each stands for (a word
    /// the dictionary has keeps its own).
    pub fn new<'w>(domain: impl IntoIterator<Item = (&'w str, Pos, DomainWeight)>) -> Segmenter {
        let mut segmenter = Segmenter {
            dict: Fst::new(DICT).expect("build.rs writes a valid fst"),
            domain: HashMap::new(),
            domain_index: OnceLock::new(),
            total: TOTAL,
        };
        segmenter.add(domain);
        segmenter
    }

    /// Adds `domain` words with the part of speech each stands for (a word the dictionary has
    /// keeps its own).
    pub fn add<'w>(&mut self, domain: impl IntoIterator<Item = (&'w str, Pos, DomainWeight)>) {
        let segmenter = self;
        segmenter.domain_index = OnceLock::new();
        for (word, pos, weight) in domain {
            // A domain word is seen at least this often; a word the dictionary has as often
            // already keeps its frequency.
            let (before, pos) = segmenter
                .domain
                .get(word)
                .copied()
                .or_else(|| segmenter.lookup(word))
                .map_or((0, pos), |(freq, own)| (freq, own));
            let freq = weight.frequency().max(before);
            segmenter.domain.insert(word.to_owned(), (freq, pos));
            segmenter.total = segmenter.total + freq - before;
        }
    }

    /// The dictionary's frequency and part of speech of `word`.
    fn lookup(&self, word: &str) -> Option<(u64, Pos)> {
        let value = self.dict.get(word)?.value();
        Some((value >> 8, Pos::from_tag(TAGS[(value & 0xff) as usize])))
    }

    /// Every dictionary or domain word of `text` that starts at byte `at`.
    fn candidates(&self, text: &str, at: usize, found: &mut Vec<Candidate>) {
        found.clear();
        prefixes_in(&self.dict, text, at, |end, v| {
            found.push((end, v >> 8, Pos::from_tag(TAGS[(v & 0xff) as usize])));
        });
        let (index, values) = self.domain_index.get_or_init(|| {
            let mut words: Vec<(&String, &(u64, Pos))> = self.domain.iter().collect();
            words.sort_unstable_by_key(|(w, _)| *w);
            let keys = words.iter().enumerate().map(|(i, (w, _))| (w, i as u64));
            let map = fst::Map::from_iter(keys).expect("sorted, distinct words");
            (map.into_fst(), words.iter().map(|(_, v)| **v).collect())
        });
        prefixes_in(index, text, at, |end, i| {
            found.retain(|c| c.0 != end);
            let (freq, pos) = values[i as usize];
            found.push((end, freq, pos));
        });
    }

    /// `text` cut into words, in bytes: the most probable path through the words found at each
    /// char, a char no word starts at standing alone.
    fn segment(&self, text: &str) -> Vec<(Range<usize>, Pos)> {
        // best[i]: the best log probability of the text from byte i, and the word taken there.
        let mut best: Vec<(f64, usize, Pos)> = vec![(0.0, text.len(), Pos::Other); text.len() + 1];
        let mut found = Vec::new();
        let log_total = (self.total as f64).ln();
        for (i, c) in text.char_indices().rev() {
            self.candidates(text, i, &mut found);
            let single = i + c.len_utf8();
            if !found.iter().any(|f| f.0 == single) {
                found.push((single, 1, unknown(c)));
            }
            best[i] = found
                .iter()
                .map(|&(end, freq, pos)| {
                    let p = (freq.max(1) as f64).ln() - log_total + best[end].0;
                    (p, end, pos)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
                .expect("a char is a word at least");
        }
        let mut words = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let (_, end, pos) = best[i];
            words.push((i..end, pos));
            i = end;
        }
        words
    }

    /// The words of `text`, their spans in chars from `offset`. Words the dictionaries lack
    /// stay single chars: a name may start at any char.
    pub fn tokens(&self, text: &str, offset: usize) -> Vec<Token> {
        let mut chars = 0;
        self.segment(text)
            .into_iter()
            .map(|(range, pos)| {
                let start = offset + chars;
                chars += text[range].chars().count();
                Token {
                    span: Span::new(start, offset + chars),
                    pos,
                }
            })
            .collect()
    }

    /// `text` with its words, in bytes of `text`.
    pub fn words<'t>(&self, text: &'t str) -> Words<'t> {
        Words {
            text,
            tokens: self.segment(text),
        }
    }
}

/// The words of `fst` that `text[at..]` starts with, shortest first: where each ends (a
/// byte of `text`, at a char's edge) and its value.
fn prefixes_in<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    text: &str,
    at: usize,
    mut each: impl FnMut(usize, u64),
) {
    let mut node = fst.root();
    let mut value = Output::zero();
    for (k, &b) in text.as_bytes()[at..].iter().enumerate() {
        let Some(i) = node.find_input(b) else {
            break;
        };
        let t = node.transition(i);
        value = value.cat(t.out);
        node = fst.node(t.addr);
        let end = at + k + 1;
        if node.is_final() && text.is_char_boundary(end) {
            each(end, value.cat(node.final_output()).value());
        }
    }
}

/// The part of speech of a char no word holds.
fn unknown(c: char) -> Pos {
    if c.is_ascii_digit() {
        Pos::Numeral
    } else if c.is_alphanumeric() {
        Pos::Other
    } else {
        Pos::Symbol
    }
}

/// A text and its words as byte ranges of it, in order and covering it: what rules match on.
#[derive(Debug, Clone)]
pub struct Words<'t> {
    pub text: &'t str,
    pub tokens: Vec<(Range<usize>, Pos)>,
}

impl<'t> Words<'t> {
    /// The words of `text` that starts at char `start` of a document whose words are
    /// `tokens` (chars, in order); the text's own edges are word edges.
    pub fn within(text: &'t str, start: usize, tokens: &[Token]) -> Words<'t> {
        let end = start + text.chars().count();
        let first = tokens.partition_point(|t| t.span.end <= start);
        let byte_of = char_to_byte(text);
        let tokens = tokens[first..]
            .iter()
            .take_while(|t| t.span.start < end)
            .map(|t| {
                let (a, b) = (t.span.start.max(start), t.span.end.min(end));
                (byte_of[a - start]..byte_of[b - start], t.pos)
            })
            .collect();
        Words { text, tokens }
    }

    /// Whether a word starts or ends at byte `at` (the text's edges included).
    pub fn is_edge(&self, at: usize) -> bool {
        at == 0
            || at >= self.text.len()
            || self
                .tokens
                .binary_search_by(|(r, _)| r.start.cmp(&at))
                .is_ok()
    }

    /// The word that holds byte `at`.
    pub fn word_at(&self, at: usize) -> Option<&(Range<usize>, Pos)> {
        let i = self.tokens.partition_point(|(r, _)| r.end <= at);
        self.tokens.get(i).filter(|(r, _)| r.start <= at)
    }

    /// The words that lie inside `range`, in order.
    pub fn inside(&self, range: &Range<usize>) -> impl Iterator<Item = &(Range<usize>, Pos)> {
        let first = self.tokens.partition_point(|(r, _)| r.start < range.start);
        self.tokens[first..]
            .iter()
            .take_while(move |(r, _)| r.end <= range.end)
    }

    /// The same words over `text[range]`, in its bytes.
    pub fn slice(&self, range: Range<usize>) -> Words<'t> {
        let tokens = self
            .tokens
            .iter()
            .filter(|(r, _)| r.end > range.start && r.start < range.end)
            .map(|(r, p)| {
                (
                    r.start.max(range.start) - range.start..r.end.min(range.end) - range.start,
                    *p,
                )
            })
            .collect();
        Words {
            text: &self.text[range],
            tokens,
        }
    }
}

/// The byte offset of each char of `text`, and of its end.
fn char_to_byte(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segmenter() -> Segmenter {
        Segmenter::new([("雄安新区", Pos::Place, DomainWeight::Word)])
    }

    #[test]
    fn tokens_slice_back_to_their_words() {
        let text = "推动雄安新区建设成为样板";
        let tokens = segmenter().tokens(text, 5);
        let chars: Vec<char> = text.chars().collect();
        let words: Vec<String> = tokens
            .iter()
            .map(|t| chars[t.span.start - 5..t.span.end - 5].iter().collect())
            .collect();
        assert_eq!(words.concat(), text);
        assert!(words.contains(&"雄安新区".to_owned()), "{words:?}");
        assert!(words.contains(&"成为".to_owned()), "{words:?}");
        let place = tokens.iter().find(|t| t.span.len() == 4).unwrap();
        assert_eq!(place.pos, Pos::Place);
    }

    #[test]
    fn words_added_after_a_first_use_are_found() {
        let mut seg = segmenter();
        let text = "建设四区同创示范";
        let before = seg.words(text);
        let first = before.word_at(text.find('四').unwrap()).unwrap();
        assert_ne!(&text[first.0.clone()], "四区同创", "{:?}", before.tokens);
        seg.add([("四区同创", Pos::Proper, DomainWeight::Word)]);
        let after = seg.words(text);
        let program = after.word_at(text.find('四').unwrap()).unwrap();
        assert_eq!(&text[program.0.clone()], "四区同创");
        assert_eq!(program.1, Pos::Proper);
        // The earlier domain word is still there beside it.
        assert_eq!(seg.words("雄安新区").tokens.len(), 1);
    }

    #[test]
    fn a_cue_inside_a_word_is_no_word_edge() {
        let text = "建设成为样板";
        let words = segmenter().words(text);
        let wei = text.find('为').unwrap();
        assert!(!words.is_edge(wei), "为 inside 成为: {:?}", words.tokens);
        assert!(words.is_edge(text.find('成').unwrap()));
    }

    #[test]
    fn words_within_a_document_keep_their_offsets() {
        let seg = segmenter();
        let doc = "甲乙。推动雄安新区建设";
        let tokens = seg.tokens(doc, 0);
        let sentence = "推动雄安新区建设";
        let words = Words::within(sentence, 3, &tokens);
        let texts: Vec<&str> = words
            .tokens
            .iter()
            .map(|(r, _)| &sentence[r.clone()])
            .collect();
        assert_eq!(texts.concat(), sentence);
        assert!(texts.contains(&"雄安新区"), "{texts:?}");
        let part = words.slice(sentence.find('雄').unwrap()..sentence.len());
        assert_eq!(&part.text[part.tokens[0].0.clone()], "雄安新区");
    }
}
