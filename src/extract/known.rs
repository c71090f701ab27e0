//! Names every reader knows, found where the text writes them as whole words: the general
//! knowledge of `ontology/gazetteer/` (countries, regions, central bodies, national programs),
//! given to extraction as a table of forms.

use std::collections::HashMap;

use super::EntityMention;
use crate::text::{Document, Span, Token};

/// The rule id of mentions of known names.
pub const KNOWN_NAME_RULE: &str = "gazetteer.knowledge";

/// Below a division's or a region's own rule, above what a suffix guesses.
const PRIORITY: i32 = 72;

/// The class and subclass a known form names.
pub type Known = (&'static str, Option<&'static str>);

/// Every form (name or alias) of the known things, with the class of each.
#[derive(Debug, Clone, Default)]
pub struct KnownNames {
    forms: HashMap<String, Known>,
    /// The longest form, in chars: no name is looked for beyond it.
    longest: usize,
}

impl KnownNames {
    pub fn new<'f>(forms: impl IntoIterator<Item = (&'f str, Known)>) -> KnownNames {
        let forms: HashMap<String, Known> = forms
            .into_iter()
            .map(|(form, known)| (form.to_owned(), known))
            .collect();
        let longest = forms.keys().map(|f| f.chars().count()).max().unwrap_or(0);
        KnownNames { forms, longest }
    }

    pub fn get(&self, form: &str) -> Option<Known> {
        self.forms.get(form).copied()
    }

    pub fn forms(&self) -> impl Iterator<Item = (&str, Known)> {
        self.forms.iter().map(|(f, k)| (f.as_str(), *k))
    }

    /// The known names the body writes as whole words (`tokens`, the document's words in
    /// order): at each word, the longest run of words that is a form.
    pub fn find(&self, doc: &Document, tokens: &[Token]) -> Vec<EntityMention> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let start = tokens[i].span.start;
            let longest = tokens[i..]
                .iter()
                .take_while(|t| t.span.end - start <= self.longest)
                .enumerate()
                .filter_map(|(n, t)| {
                    let words = doc.norm_slice(Span::new(start, t.span.end));
                    self.get(words).map(|known| (n, t.span.end, words, known))
                })
                .last();
            match longest {
                Some((n, end, words, (class, subclass))) => {
                    found.push(EntityMention {
                        rule: KNOWN_NAME_RULE.into(),
                        priority: PRIORITY,
                        class: class.to_owned(),
                        subclass: subclass.map(str::to_owned),
                        surface: words.to_owned(),
                        span: Span::new(start, end),
                        definition: None,
                    });
                    i += n + 1;
                }
                _ => i += 1,
            }
        }
        found
    }
}
