//! Rule-file loading: any text as a rule file compiles or is refused with its path and line,
//! never a panic.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use policykg::rules::{DataFile, Lexicons, RuleSet};

fn lexicons() -> &'static Lexicons {
    static LEXICONS: OnceLock<Lexicons> = OnceLock::new();
    LEXICONS.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../ontology/lexicons");
        Lexicons::load_dir(dir.as_ref()).expect("the lexicons load")
    })
}

fuzz_target!(|source: &str| {
    let file = DataFile {
        path: PathBuf::from("rules/fuzz.toml"),
        source: source.to_owned(),
    };
    if let Err(e) = RuleSet::from_files(vec![file], lexicons().clone()) {
        assert!(e.to_string().starts_with("rules/fuzz.toml:"), "{e}");
    }
});
