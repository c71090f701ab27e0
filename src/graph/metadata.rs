//! What the graph says about a report as a whole (Dublin Core terms where they fit): its title,
//! publisher, source URL and date where the scraped header or the opening lines give them, the
//! speaker, the jurisdiction's level, and the hashes an incremental build compares.

use std::sync::LazyLock;

use regex::Regex;

use crate::resolve::ids::stable_hash;
use crate::text::Document;

/// What a report's header and opening lines say about it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub source: Option<String>,
    /// The day the report was given (year, month, day).
    pub date: Option<(i32, u32, u32)>,
    pub speaker: Option<String>,
}

/// Lines of a scraper's header (`标题:…`), after normalization (full-width colons are
/// half-width); `未知` (unknown) is no value.
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^(标题|发文单位|来源URL|来源网址):\s*(\S.*?)\s*$").expect("valid regex")
});
/// The dateline: ——2024年1月21日在河北省第十四届人民代表大会…
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})年(\d{1,2})月(\d{1,2})日在").expect("valid regex"));
/// The speaker's line: 河北省人民政府省长 王正谱, 西湖区人民政府区长 陶亿国, 代省长 许勤.
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)[省市区县州旗盟]长\s+(\p{Han}{2,4})\s*$").expect("valid regex")
});

/// The opening of a report that holds its header, dateline and speaker: scraped headers and
/// datelines are in the first lines; a body's sentence never starts the search.
const OPENING_CHARS: usize = 1500;

/// Reads the header fields, dateline and speaker from the opening of a report.
pub fn read_header(doc: &Document) -> Header {
    let end = doc
        .norm
        .char_indices()
        .nth(OPENING_CHARS)
        .map_or(doc.norm.len(), |(b, _)| b);
    let opening = &doc.norm[..end];
    let mut header = Header::default();
    for c in FIELD.captures_iter(opening) {
        let value = c[2].to_owned();
        if value == "未知" {
            continue;
        }
        let slot = match &c[1] {
            "标题" => &mut header.title,
            "发文单位" => &mut header.publisher,
            _ => &mut header.source,
        };
        slot.get_or_insert(value);
    }
    header.date = DATE.captures(opening).and_then(|c| {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
    });
    header.speaker = SPEAKER.captures(opening).map(|c| c[1].to_owned());
    header
}

/// The level of a division by how deep it is under its province.
pub fn level_name(depth: usize) -> Option<&'static str> {
    ["province", "prefecture", "county", "township"]
        .get(depth.checked_sub(1)?)
        .copied()
}

/// A hash of what a report's graph is made from: its text and the ontology folder's (see
/// [`ontology_hash`]). Equal hashes: the report's outputs of the previous build still hold.
pub fn content_hash(text: &str, ontology_hash: &str) -> String {
    stable_hash(&[text, ontology_hash])
}

/// A hash of every file of the ontology folder (rules, lexicons, gazetteers, the ontology),
/// by relative path and content.
pub fn ontology_hash(dir: &std::path::Path) -> std::io::Result<String> {
    // On disk or built into the binary (crate::files): the same files hash the same.
    let mut hash = FolderHash::default();
    for f in &crate::files::files_under(dir)? {
        hash.add(
            f.strip_prefix(dir)
                .unwrap_or(f)
                .to_string_lossy()
                .as_bytes(),
        );
        hash.add(&crate::files::read(f)?);
    }
    Ok(hash.finish())
}

/// A hash of megabytes (the gazetteers and the segmenter's dictionary), read at every start:
/// eight bytes a step, where FNV's byte a step took most of a seed build's 10 ms of hashing.
/// Little-endian words: the same on every platform.
struct FolderHash(u64);

impl Default for FolderHash {
    fn default() -> Self {
        FolderHash(0xcbf2_9ce4_8422_2325)
    }
}

impl FolderHash {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0 ^ word)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }

    /// A part and its length: parts are told apart however their bytes run on.
    fn add(&mut self, part: &[u8]) {
        let words = part.chunks_exact(8);
        let rest = words.remainder();
        for w in words {
            self.mix(u64::from_le_bytes(w.try_into().expect("chunks of eight")));
        }
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        self.mix(u64::from_le_bytes(last));
        self.mix(part.len() as u64);
    }

    fn finish(&self) -> String {
        format!("{:016x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::LayoutConfig;

    fn doc(text: &str) -> Document {
        let config = LayoutConfig::load(std::path::Path::new("ontology/text.toml")).unwrap();
        Document::from_text("t".into(), "t.txt".into(), text.into(), &config)
    }

    #[test]
    fn reads_a_scraped_header_dateline_and_speaker() {
        let h = read_header(&doc(
            "标题：2024年河北省政府工作报告\n发文单位：河北省人民政府\n发文时间：未知\n来源URL：https://www.hebei.gov.cn/a.html\n\n正文：\n\n——2024年1月21日在河北省第十四届人民代表大会第二次会议上\n河北省人民政府省长 王正谱\n各位代表：\n",
        ));
        assert_eq!(h.title.as_deref(), Some("2024年河北省政府工作报告"));
        assert_eq!(h.publisher.as_deref(), Some("河北省人民政府"));
        assert_eq!(h.source.as_deref(), Some("https://www.hebei.gov.cn/a.html"));
        assert_eq!(h.date, Some((2024, 1, 21)));
        assert_eq!(h.speaker.as_deref(), Some("王正谱"));
    }

    #[test]
    fn a_report_without_header_has_only_what_its_lines_say() {
        let h = read_header(&doc(
            "——2021年10月12日在西湖区第十七届人民代表大会\n第一次会议上\n西湖区人民政府区长 陶亿国\n各位代表:\n",
        ));
        assert_eq!(h.title, None);
        assert_eq!(h.source, None);
        assert_eq!(h.date, Some((2021, 10, 12)));
        assert_eq!(h.speaker.as_deref(), Some("陶亿国"));
        // An impossible date is none.
        assert_eq!(read_header(&doc("2021年13月40日在某地\n")).date, None);
    }

    #[test]
    fn levels_and_hashes() {
        assert_eq!(level_name(1), Some("province"));
        assert_eq!(level_name(3), Some("county"));
        assert_eq!(level_name(0), None);
        assert_ne!(content_hash("a", "x"), content_hash("a", "y"));
        assert_ne!(content_hash("a", "x"), content_hash("b", "x"));
    }

    fn folder_hash(parts: &[&[u8]]) -> String {
        let mut h = FolderHash::default();
        parts.iter().for_each(|p| h.add(p));
        h.finish()
    }

    #[test]
    fn a_folder_hash_changes_with_any_byte_and_any_split() {
        let text = "石家庄市\t长安区\n".repeat(100);
        let same = folder_hash(&[b"a.tsv", text.as_bytes()]);
        assert_eq!(same, folder_hash(&[b"a.tsv", text.as_bytes()]));
        let mut changed = text.clone().into_bytes();
        changed[501] ^= 1;
        assert_ne!(same, folder_hash(&[b"a.tsv", &changed]));
        // Bytes moved from one part (a file name) to the next (its content), or a trailing zero.
        assert_ne!(same, folder_hash(&[b"a.ts", format!("v{text}").as_bytes()]));
        assert_ne!(folder_hash(&[b"ab"]), folder_hash(&[b"ab\0"]));
    }
}
