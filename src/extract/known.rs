//! Names every reader knows, found where the text writes them as whole words: the general
//! knowledge of `ontology/gazetteer/` (countries, regions, central bodies, national programs),
//! given to extraction as a table of forms.

use rustc_hash::FxHashMap;

use super::EntityMention;
use crate::text::{Document, DomainWeight, Pos, Span, Token};

/// The rule id of mentions of known names.
pub const KNOWN_NAME_RULE: &str = "gazetteer.knowledge";

/// Below a division's or a region's own rule, above what a suffix guesses.
const PRIORITY: i32 = 72;

/// The class and subclass a known form names.
pub type Known = (&'static str, Option<&'static str>);

/// Every form (name or alias) of the known things, with the class of each.
#[derive(Debug, Clone, Default)]
pub struct KnownNames {
    /// FxHash: every word of a report asks for the runs of words that start at it.
    forms: FxHashMap<String, Known>,
    /// The longest form, in chars: no name is looked for beyond it.
    longest: usize,
}

impl KnownNames {
    pub fn new<'f>(forms: impl IntoIterator<Item = (&'f str, Known)>) -> KnownNames {
        let forms: FxHashMap<String, Known> = forms
            .into_iter()
            .map(|(form, known)| (form.to_owned(), known))
            .collect();
        let longest = forms.keys().map(|f| f.chars().count()).max().unwrap_or(0);
        KnownNames { forms, longest }
    }

    pub fn get(&self, form: &str) -> Option<Known> {
        self.forms.get(form).copied()
    }

    /// The forms as words of the segmenter's domain dictionary, each with the part of speech
    /// of its class.
    pub fn domain_words(&self) -> impl Iterator<Item = (&str, Pos, DomainWeight)> {
        self.forms.iter().map(|(form, (class, _))| {
            let pos = match *class {
                "Place" => Pos::Place,
                "Organization" => Pos::Organization,
                _ => Pos::Proper,
            };
            (form.as_str(), pos, DomainWeight::Word)
        })
    }

    /// The known names the text writes as whole words (`tokens`, the document's words in
    /// order): at each word, the longest run of words that is a form, and beside it the known
    /// places inside a known program's name (京津冀 in 京津冀协同发展). What follows 等 is the
    /// kind of the list before it, not a name (…等文化惠民工程).
    pub fn find(
        &self,
        doc: &Document,
        tokens: &[Token],
    ) -> (Vec<EntityMention>, Vec<EntityMention>) {
        let (mut found, mut nested) = (Vec::new(), Vec::new());
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(doc, &tokens[i..]) {
                Some((n, mention)) => {
                    let after_a_list = mention.span.start > 0
                        && doc.norm_slice(Span::new(mention.span.start - 1, mention.span.start))
                            == "等";
                    if mention.class == "Program" {
                        nested.extend(self.places_inside(doc, mention.span));
                    }
                    if !after_a_list {
                        found.push(mention);
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
        (found, nested)
    }

    /// The known places inside a known name (its own words may be one word of the domain
    /// dictionary: any run of its chars counts).
    fn places_inside(&self, doc: &Document, name: Span) -> Vec<EntityMention> {
        let mut places = Vec::new();
        for start in name.start..name.end {
            for end in start + 2..=name.end {
                let span = Span::new(start, end);
                match self.get(doc.norm_slice(span)) {
                    Some(("Place", subclass)) if span != name => places.push(EntityMention {
                        rule: KNOWN_NAME_RULE.into(),
                        priority: PRIORITY,
                        class: "Place".into(),
                        subclass: subclass.map(str::to_owned),
                        surface: doc.norm_slice(span).to_owned(),
                        span,
                        definition: None,
                    }),
                    _ => {}
                }
            }
        }
        places
    }

    /// The longest form the first words of `tokens` make, with how many words it takes.
    fn longest_at(&self, doc: &Document, tokens: &[Token]) -> Option<(usize, EntityMention)> {
        let start = tokens.first()?.span.start;
        tokens
            .iter()
            .take_while(|t| t.span.end - start <= self.longest)
            .enumerate()
            .filter_map(|(n, t)| {
                let span = Span::new(start, t.span.end);
                let (class, subclass) = self.get(doc.norm_slice(span))?;
                Some((n + 1, span, class, subclass))
            })
            .last()
            .map(|(n, span, class, subclass)| {
                let mention = EntityMention {
                    rule: KNOWN_NAME_RULE.into(),
                    priority: PRIORITY,
                    class: class.to_owned(),
                    subclass: subclass.map(str::to_owned),
                    surface: doc.norm_slice(span).to_owned(),
                    span,
                    definition: None,
                };
                (n, mention)
            })
    }
}
