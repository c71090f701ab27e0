//! Build-time work: embeds `ontology/` and `queries/` in the binary (see `src/files.rs`), so
//! that an installed `policykg` builds, queries and serves from any folder (`include_bytes!`
//! makes each file a dependency of the crate; `rerun-if-changed` on the folders catches files
//! added or removed); and compiles the segmenter's dictionary (`ontology/segmenter/dict.txt`,
//! jieba's) into an `fst` map, so that a build loads no dictionary: the map is the binary's own
//! bytes. Each word maps to its frequency and part-of-speech tag (`freq << 8 | tag`).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// The folders the binary carries, relative to the manifest.
const ROOTS: [&str; 2] = ["ontology", "queries"];

const DICT: &str = "ontology/segmenter/dict.txt";

fn main() {
    embed_folders();
    compile_dictionary();
}

fn embed_folders() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    for root in ROOTS {
        println!("cargo:rerun-if-changed={root}");
        collect(&Path::new(&manifest).join(root), root, &mut files);
    }
    files.sort();
    let mut code = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    // Paths relative to the manifest, resolved when the crate compiles: one target folder
    // serves several checkouts (worktrees, CI's clone), and cargo may keep this output from
    // another checkout, whose absolute paths need not exist any more.
    for name in files {
        code += &format!(
            "    ({name:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{name}\"))),\n"
        );
    }
    code += "];\n";
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("built_in.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

/// Every file under `dir` (hidden ones left out), named `prefix/…` with `/` separators.
fn collect(dir: &Path, prefix: &str, files: &mut Vec<String>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let entry = entry.expect("a readable folder entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let key = format!("{prefix}/{name}");
        if entry.path().is_dir() {
            collect(&entry.path(), &key, files);
        } else {
            files.push(key);
        }
    }
}

/// The dictionary as `dict.fst` and its tags and total frequency as `dict.rs`, in OUT_DIR.
fn compile_dictionary() {
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
