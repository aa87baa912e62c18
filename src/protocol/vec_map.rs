//! [`VecMap`] and [`VecSet`]: small sorted maps and sets backed by a `Vec`.
//!
//! The maps of the protocol and the chat state hold a handful of entries
//! (property namespaces, group statuses, chat users, typing agents). A
//! `BTreeMap` links its insert, search, remove, iteration and drop code once per
//! key and value type, which is kilobytes of wasm each; a sorted `Vec` needs a
//! binary search and `Vec::insert`. The API is the subset of `BTreeMap` /
//! `BTreeSet` the crate uses, with the same observable behaviour: one entry per
//! key, iteration in key order. The protocol's maps are read and written by
//! their own types' `from_json` / `to_value` (see [`super::properties`]).

use std::borrow::Borrow;
use std::fmt;

/// A map kept as a `Vec` of pairs sorted by key, one entry per key.
#[derive(Clone, PartialEq, Eq)]
pub struct VecMap<K, V>(Vec<(K, V)>);

impl<K, V> VecMap<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        VecMap(Vec::new())
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.0.clear()
    }

    /// Each key with its value, in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.into_iter()
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.0.iter().map(|(k, _)| k)
    }

    /// The values, in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.0.iter().map(|(_, v)| v)
    }

    /// The values, mutably, in key order.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.0.iter_mut().map(|(_, v)| v)
    }

    /// Keeps only the entries for which `keep` returns `true`.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.0.retain_mut(|(k, v)| keep(k, v))
    }
}

impl<K: Ord, V> VecMap<K, V> {
    /// Where `key` is (`Ok`) or would go (`Err`).
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// Sets the value of `key`, returning the one it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// The value of `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    /// The value of `key`, mutably.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &mut self.0[i].1)
    }

    /// Whether `key` has a value.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Removes `key`, returning its value.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// The value of `key`, first set to `make()` when it has none
    /// (`entry(key).or_insert_with(make)`).
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key, make()));
                i
            }
        };
        &mut self.0[i].1
    }
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap::new()
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for VecMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A later duplicate key wins, as with `BTreeMap`.
impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut out = VecMap::new();
        out.extend(pairs);
        out
    }
}

impl<K: Ord, V> Extend<(K, V)> for VecMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, pairs: I) {
        for (k, v) in pairs {
            self.insert(k, v);
        }
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for VecMap<K, V> {
    fn from(pairs: [(K, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    /// The entries, in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    /// The entries, in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<K, V, Q> std::ops::Index<&Q> for VecMap<K, V>
where
    K: Borrow<Q> + Ord,
    Q: Ord + ?Sized,
{
    type Output = V;

    /// The value of `key`; panics when it has none, like a map's index.
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry for this key")
    }
}

/// A set kept as a sorted `Vec`, one entry per value.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct VecSet<T>(VecMap<T, ()>);

impl<T> VecSet<T> {
    /// An empty set.
    pub const fn new() -> Self {
        VecSet(VecMap::new())
    }

    /// How many values there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Removes every value.
    pub fn clear(&mut self) {
        self.0.clear()
    }

    /// The values, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.0.keys()
    }
}

impl<T: Ord> VecSet<T> {
    /// Adds `value`; `false` when it was there already.
    pub fn insert(&mut self, value: T) -> bool {
        self.0.insert(value, ()).is_none()
    }

    /// Whether `value` is there.
    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.contains_key(value)
    }

    /// Removes `value`; `false` when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.remove(value).is_some()
    }
}

impl<T: fmt::Debug> fmt::Debug for VecSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T: Ord> Extend<T> for VecSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, values: I) {
        for v in values {
            self.insert(v);
        }
    }
}

impl<T: Ord> FromIterator<T> for VecSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut out = VecSet::new();
        out.extend(values);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_one_entry_per_key_in_key_order() {
        let mut m: VecMap<String, u32> = [("b".to_owned(), 1), ("a".to_owned(), 2), ("b".to_owned(), 3)].into();
        assert_eq!(m.len(), 2);
        assert_eq!(m.keys().map(String::as_str).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(m["b"], 3);
        assert_eq!(m.insert("c".into(), 4), None);
        assert_eq!(m.insert("a".into(), 5), Some(2));
        assert_eq!(m.get("a"), Some(&5));
        assert_eq!(m.get("z"), None);
        *m.get_mut("c").unwrap() += 1;
        *m.get_or_insert_with("c".into(), || 0) += 1;
        *m.get_or_insert_with("0".into(), || 9) += 1;
        assert_eq!(m.remove("b"), Some(3));
        assert_eq!(m.remove("b"), None);
        assert!(!m.contains_key("b"));
        assert_eq!(m.iter().map(|(k, v)| (k.as_str(), *v)).collect::<Vec<_>>(), [("0", 10), ("a", 5), ("c", 6)]);
        m.retain(|_, v| *v > 5);
        assert_eq!(m.values().copied().collect::<Vec<_>>(), [10, 6]);
        assert_eq!(format!("{m:?}"), r#"{"0": 10, "c": 6}"#);
    }

    #[test]
    fn set_keeps_each_value_once_in_order() {
        let mut s: VecSet<String> = ["b", "a", "b"].into_iter().map(str::to_owned).collect();
        assert_eq!(s.len(), 2);
        assert!(s.insert("c".into()));
        assert!(!s.insert("a".into()));
        assert!(s.contains("b"));
        assert!(s.remove("b"));
        assert!(!s.remove("b"));
        s.extend(["0".to_owned()]);
        assert_eq!(s.iter().map(String::as_str).collect::<Vec<_>>(), ["0", "a", "c"]);
        assert_eq!(format!("{s:?}"), r#"{"0", "a", "c"}"#);
        s.clear();
        assert!(s.is_empty());
    }
}
