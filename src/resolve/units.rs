//! Comparable values: a quantity's value in a normalized unit (`ontology/units.toml`), scaled
//! by moving the decimal point, so that 1.8万美元 is exactly 18000 USD.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::rules::{DataFile, DataFileError};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnits {
    unit: Vec<RawUnit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    written: Vec<String>,
    normalized: String,
    scale: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Units {
    by_written: HashMap<String, (String, u32)>,
}

impl Units {
    pub fn load(path: &Path) -> Result<Units, DataFileError> {
        let file = DataFile::read(path)?;
        let raw: RawUnits = file.parse()?;
        let mut by_written = HashMap::new();
        for u in raw.unit {
            for w in u.written {
                by_written.insert(w, (u.normalized.clone(), u.scale));
            }
        }
        Ok(Units { by_written })
    }

    /// The value (a decimal string) in the normalized unit, and that unit.
    pub fn normalize(&self, value: &str, unit: &str) -> Option<(String, &str)> {
        let (normalized, scale) = self.by_written.get(unit)?;
        Some((shift_decimal(value, *scale), normalized))
    }
}

/// A float as an xsd:decimal lexical form, without float noise (64.5, not 64.50000001).
pub fn decimal(value: f64) -> String {
    let s = format!("{:.6}", value);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".into()
    } else {
        s.into()
    }
}

/// Multiplies a decimal string by 10^places exactly.
pub fn shift_decimal(value: &str, places: u32) -> String {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    let mut digits = format!("{int}{frac}");
    let point = int.len() + places as usize;
    while digits.len() < point {
        digits.push('0');
    }
    let (i, f) = digits.split_at(point);
    let i = i.trim_start_matches('0');
    let f = f.trim_end_matches('0');
    match (i.is_empty(), f.is_empty()) {
        (true, true) => "0".into(),
        (true, false) => format!("0.{f}"),
        (false, true) => i.into(),
        (false, false) => format!("{i}.{f}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_exactly() {
        assert_eq!(shift_decimal("1.8", 4), "18000");
        assert_eq!(shift_decimal("64.5", 0), "64.5");
        assert_eq!(shift_decimal("0.05", 1), "0.5");
        assert_eq!(shift_decimal("2647", 8), "264700000000");
        assert_eq!(shift_decimal("0", 8), "0");
    }

    #[test]
    fn decimals_without_float_noise() {
        assert_eq!(decimal(64.5), "64.5");
        assert_eq!(decimal(100.0), "100");
        assert_eq!(decimal(0.1 + 0.2), "0.3");
    }
}
