//! The one way the widget builds a `BTreeMap` from pairs: by `insert`.
//!
//! `Iterator::collect` into a `BTreeMap` sorts the pairs first (a stable sort and a
//! bulk build, linked once per key/value type). The readers link `insert` anyway, so
//! building by insert adds nothing. Measured on the release widget: the properties
//! reader alone with `collect` is 3.6 KB brotli larger (`trunk build --release &&
//! node scripts/size-report.mjs dist`, 248.9 KB against 245.3 KB). A later duplicate
//! key wins, as with `collect`. The two readers that filter as they go
//! (`lenient::string_map_from`, the storage snapshot's reader) insert in their own
//! loops: through this function with a `filter_map` they measured 0.4 KB larger.

use std::collections::BTreeMap;

/// The map of `pairs`; a later duplicate key wins.
#[inline]
pub fn btree_map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}
