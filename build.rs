//! Compiles the segmenter's dictionary (`ontology/segmenter/dict.txt`, jieba's) into an `fst`
//! map at build time, so that a build loads no dictionary: the map is the binary's own bytes.
//! Each word maps to its frequency and part-of-speech tag (`freq << 8 | tag`).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

const DICT: &str = "ontology/segmenter/dict.txt";

fn main() {
    println!("cargo:rerun-if-changed={DICT}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(DICT).expect("the segmenter's dictionary is there");
    let mut tags: Vec<&str> = Vec::new();
    let mut words: BTreeMap<&str, (u64, usize)> = BTreeMap::new();
    let mut total = 0u64;
    for line in text.lines() {
        let mut fields = line.split_ascii_whitespace();
        let (Some(word), Some(freq)) = (fields.next(), fields.next()) else {
            continue;
        };
        let freq: u64 = freq.parse().expect("a frequency is a number");
        let tag = fields.next().unwrap_or("x");
        let tag_id = tags.iter().position(|t| *t == tag).unwrap_or_else(|| {
            tags.push(tag);
            tags.len() - 1
        });
        total += freq;
        words.insert(word, (freq, tag_id));
    }
    assert!(tags.len() < 256, "a tag fits a byte");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let file = std::fs::File::create(Path::new(&out).join("dict.fst")).unwrap();
    let mut map = fst::MapBuilder::new(std::io::BufWriter::new(file)).unwrap();
    for (word, (freq, tag)) in words {
        map.insert(word, freq << 8 | tag as u64).unwrap();
    }
    map.finish().unwrap();
    let mut consts = std::fs::File::create(Path::new(&out).join("dict.rs")).unwrap();
    writeln!(consts, "/// The dictionary's part-of-speech tags, by id.").unwrap();
    writeln!(consts, "const TAGS: &[&str] = &{tags:?};").unwrap();
    writeln!(consts, "/// The sum of the dictionary's frequencies.").unwrap();
    writeln!(consts, "const TOTAL: u64 = {total};").unwrap();
}
