//! Embeds `ontology/` and `queries/` in the binary (see `src/files.rs`), so that an installed
//! `policykg` builds, queries and serves from any folder. `include_bytes!` makes each file a
//! dependency of the crate; `rerun-if-changed` on the folders catches files added or removed.

use std::path::Path;

/// The folders the binary carries, relative to the manifest.
const ROOTS: [&str; 2] = ["ontology", "queries"];

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    for root in ROOTS {
        println!("cargo:rerun-if-changed={root}");
        collect(&Path::new(&manifest).join(root), root, &mut files);
    }
    files.sort();
    let mut code = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for name in files {
        let path = Path::new(&manifest).join(&name);
        code += &format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
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
