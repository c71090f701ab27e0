//! What a rule emits beside its matches (`emit = { … }`), parsed and checked when the rule
//! loads: an unknown key or a value a key does not take is an error with the rule's path and
//! line, never a field dropped or read differently later.

use std::collections::BTreeMap;

/// The entity classes a rule may find or create (GRAPH.md's top classes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    Program,
    Place,
    Organization,
    Person,
}

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Level,
    Growth,
    Increase,
    Share,
    Multiple,
    Rank,
}

/// How a quantity's value compares to what it states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    Eq,
    Gt,
    Ge,
    Lt,
    Le,
    Approx,
}

/// The relations a rule may emit: the ontology's properties, and `in`, which resolve makes
/// `partOf` for a place inside a place and `locatedIn` for anything else in a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    PartOf,
    LocatedIn,
    ResponsibleFor,
    Honour,
    In,
}

/// Names of a closed set of values, as rule files write them.
macro_rules! named {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
            pub const fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
            pub fn from_name(name: &str) -> Option<$ty> {
                $ty::ALL.iter().copied().find(|v| v.name() == name)
            }
        }
    };
}

named!(Measure { Level = "level", Growth = "growth", Increase = "increase", Share = "share", Multiple = "multiple", Rank = "rank" });
named!(Comparator { Eq = "eq", Gt = "gt", Ge = "ge", Lt = "lt", Le = "le", Approx = "approx" });
named!(Class { Program = "Program", Place = "Place", Organization = "Organization", Person = "Person" });
named!(Relation { PartOf = "partOf", LocatedIn = "locatedIn", ResponsibleFor = "responsibleFor", Honour = "honour", In = "in" });

/// A rule's `emit` table, typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Emit {
    /// Quantity rules: a measure, comparator or unit the words do not say (排名第一 → 名).
    pub measure: Option<Measure>,
    pub comparator: Option<Comparator>,
    pub unit: Option<String>,
    /// Relation rules: the relation.
    pub relation: Option<Relation>,
    /// Relation rules: the subjects are entities of their own (the items of 十大战役), of
    /// `class` where no ending types them.
    pub create: bool,
    pub class: Option<Class>,
    /// Relation rules: the object is a literal (an honour's title), not an entity.
    pub object_literal: bool,
    /// Relation rules: a jurisdiction written right before a name is a place, not a scope.
    pub jurisdiction_place: bool,
    /// The table as written, for the rule examples' expected fields.
    pub written: BTreeMap<String, String>,
}

/// The keys each kind of rule reads.
pub fn keys(kind: super::Kind) -> &'static [&'static str] {
    match kind {
        super::Kind::Entity => &[],
        super::Kind::Quantity => &["measure", "comparator", "unit"],
        super::Kind::Relation => &["relation", "create", "class", "object", "jurisdiction"],
    }
}

impl Emit {
    /// Parses the table of a rule of `kind`, or says what is wrong with it.
    pub fn parse(kind: super::Kind, written: BTreeMap<String, String>) -> Result<Emit, String> {
        let keys = keys(kind);
        if let Some(key) = written.keys().find(|k| !keys.contains(&k.as_str())) {
            return Err(format!(
                "unknown `emit` key {key:?}: this kind of rule emits {keys:?}"
            ));
        }
        let value = |key: &str| written.get(key).map(String::as_str);
        let one_of = |key: &str, allowed: &[&str]| match value(key) {
            Some(v) if !allowed.contains(&v) => Err(format!(
                "`emit.{key}` is {v:?}: it takes one of {allowed:?}"
            )),
            v => Ok(v),
        };
        let measures: Vec<&str> = Measure::ALL.iter().map(|m| m.name()).collect();
        let comparators: Vec<&str> = Comparator::ALL.iter().map(|c| c.name()).collect();
        let relations: Vec<&str> = Relation::ALL.iter().map(|r| r.name()).collect();
        let classes: Vec<&str> = Class::ALL.iter().map(|c| c.name()).collect();
        let emit = Emit {
            measure: one_of("measure", &measures)?.and_then(Measure::from_name),
            comparator: one_of("comparator", &comparators)?.and_then(Comparator::from_name),
            unit: value("unit").map(str::to_owned),
            relation: one_of("relation", &relations)?.and_then(Relation::from_name),
            create: one_of("create", &["true", "false"])? == Some("true"),
            class: one_of("class", &classes)?.and_then(Class::from_name),
            object_literal: one_of("object", &["literal"])?.is_some(),
            jurisdiction_place: one_of("jurisdiction", &["place", "scope"])? == Some("place"),
            written: written.clone(),
        };
        if kind == super::Kind::Relation && emit.relation.is_none() {
            return Err("a relation rule needs `emit = { relation = \"…\" }`".into());
        }
        Ok(emit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Kind;

    fn table(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn values_are_typed_and_checked() {
        let emit = Emit::parse(
            Kind::Quantity,
            table(&[("measure", "rank"), ("unit", "名")]),
        );
        let emit = emit.unwrap();
        assert_eq!(emit.measure, Some(Measure::Rank));
        assert_eq!(emit.unit.as_deref(), Some("名"));
        let err = Emit::parse(Kind::Quantity, table(&[("measure", "size")])).unwrap_err();
        assert!(err.contains("\"size\"") && err.contains("level"), "{err}");
        // create = "false" creates nothing; anything but true or false is refused.
        let emit = Emit::parse(
            Kind::Relation,
            table(&[("relation", "partOf"), ("create", "false")]),
        );
        assert!(!emit.unwrap().create);
        let err = Emit::parse(
            Kind::Relation,
            table(&[("relation", "partOf"), ("create", "yes")]),
        );
        assert!(err.unwrap_err().contains("create"));
        let err = Emit::parse(Kind::Relation, table(&[("relation", "near")])).unwrap_err();
        assert!(err.contains("\"near\""), "{err}");
    }
}
