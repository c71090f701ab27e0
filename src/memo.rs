//! What a build computes once per key and reuses across reports (a jurisdiction's division
//! names, the patterns compiled with them). Bounded: when full it forgets everything, so a
//! corpus of many jurisdictions keeps memory flat instead of growing.

use std::collections::HashMap;
use std::sync::Mutex;

pub struct Memo<V> {
    map: Mutex<HashMap<String, V>>,
    keep: usize,
}

impl<V: Clone> Memo<V> {
    pub fn new(keep: usize) -> Memo<V> {
        Memo {
            map: Mutex::default(),
            keep,
        }
    }

    /// The value kept for `key`, else `make()` kept. `make` runs without the lock, so other
    /// reports go on meanwhile.
    pub fn get_or_make(&self, key: String, make: impl FnOnce() -> V) -> V {
        if let Some(v) = self.map.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return v;
        }
        let v = make();
        let Ok(mut map) = self.map.lock() else {
            return v;
        };
        if map.len() >= self.keep {
            map.clear();
        }
        map.entry(key).or_insert(v).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;

    #[test]
    fn makes_once_per_key_and_forgets_when_full() {
        let memo = Memo::new(2);
        let mut made = 0;
        for key in ["a", "a", "b", "a"] {
            memo.get_or_make(key.to_owned(), || {
                made += 1;
                key.len()
            });
        }
        assert_eq!(made, 2);
        memo.get_or_make("c".to_owned(), || 1); // full: forgets a and b
        memo.get_or_make("a".to_owned(), || {
            made += 1;
            1
        });
        assert_eq!(made, 3);
    }
}
