//! The build's table files (`lang/*.json`): each reads, has exactly English's keys, only
//! the placeholders its texts may have (the reader checks both), and each count exactly the
//! categories its language's plural rule gives, which [`PluralRule::categories`] must list truly.

use std::collections::BTreeSet;

use serde_json::Value;

use super::*;

/// Every table's JSON, English first: the build's files (`lang/*.json`).
pub(super) const TABLES: [(&str, &str); 15] = [
    ("en", ENGLISH_JSON),
    ("ar", include_str!("lang/ar.json")),
    ("cs", include_str!("lang/cs.json")),
    ("de", include_str!("lang/de.json")),
    ("es", include_str!("lang/es.json")),
    ("fr", include_str!("lang/fr.json")),
    ("he", include_str!("lang/he.json")),
    ("it", include_str!("lang/it.json")),
    ("ja", include_str!("lang/ja.json")),
    ("nl", include_str!("lang/nl.json")),
    ("pl", include_str!("lang/pl.json")),
    ("pt", include_str!("lang/pt.json")),
    ("ru", include_str!("lang/ru.json")),
    ("tr", include_str!("lang/tr.json")),
    ("uk", include_str!("lang/uk.json")),
];

/// The table of language `code` (a tag, as [`lookup`] reads it), read; English for one without.
pub(super) fn table(tag: &str) -> &'static Strings {
    let code = lookup(tag).unwrap_or("en");
    let (_, json) = TABLES.iter().find(|(c, _)| *c == code).unwrap();
    read_table(json, code).unwrap_or_else(|e| panic!("{code}.json: {e}"))
}

/// Every table, read, English first.
pub(super) fn all() -> Vec<&'static Strings> {
    CODES.iter().map(|code| table(code)).collect()
}

/// Every key path of a table (`files.size.kb`), a count's categories left out
/// (they differ by language).
fn keys(value: &Value, at: &str, out: &mut BTreeSet<String>) {
    let Value::Object(map) = value else { return };
    let is_count = !map.is_empty() && map.keys().all(|k| Plural::ALL.iter().any(|p| p.name() == k));
    for (key, inner) in map {
        let path = if at.is_empty() { key.clone() } else { format!("{at}.{key}") };
        if !is_count {
            keys(inner, &path, out);
            out.insert(path);
        }
    }
}

#[test]
fn every_table_reads_and_has_exactly_englishs_keys() {
    let key_paths = |json: &str| {
        let mut out = BTreeSet::new();
        keys(&serde_json::from_str(json).unwrap(), "", &mut out);
        out
    };
    let english = key_paths(ENGLISH_JSON);
    assert!(english.len() > 110 && english.contains("files.size.kb"), "{english:?}");
    assert_eq!(TABLES.map(|(code, _)| code), CODES, "a table per language, in CODES' order");
    for (code, json) in TABLES {
        assert_eq!(key_paths(json), english, "{code}.json");
        let strings = read_table(json, code).unwrap_or_else(|e| panic!("{code}.json: {e}"));
        assert_eq!(strings.code, code);
    }
}

#[test]
fn every_count_has_the_categories_its_languages_rule_gives() {
    for (code, json) in TABLES {
        let table: Value = serde_json::from_str(json).unwrap();
        let rule = PluralRule::from_name(table["plural"].as_str().unwrap()).unwrap();
        let want: BTreeSet<&str> = rule.categories().iter().map(|p| p.name()).collect();
        for key in ["unread", "message_parts", "queue_position", "wait_minutes", "wait_hours", "reconnecting_in"] {
            match &table[key] {
                Value::String(_) => {}
                Value::Object(forms) => {
                    let got: BTreeSet<&str> = forms.keys().map(String::as_str).collect();
                    assert_eq!(got, want, "{code}.{key}");
                }
                other => panic!("{code}.{key}: {other}"),
            }
        }
    }
}

#[test]
fn each_rules_categories_are_the_ones_it_gives() {
    let rules = [
        PluralRule::OneOther,
        PluralRule::OneManyOther,
        PluralRule::ZeroOneManyOther,
        PluralRule::EastSlavic,
        PluralRule::Polish,
        PluralRule::Czech,
        PluralRule::Arabic,
        PluralRule::Hebrew,
        PluralRule::Other,
    ];
    let numbers = (0..=2_000u64).chain((1..=5).map(|m| m * 1_000_000)).chain([1_000_001, 21_000_000]);
    let numbers: Vec<u64> = numbers.collect();
    for rule in rules {
        let given: BTreeSet<&str> = numbers.iter().map(|&n| rule.category(n).name()).collect();
        let listed: BTreeSet<&str> = rule.categories().iter().map(|p| p.name()).collect();
        assert_eq!(given, listed, "{rule:?}");
    }
}

#[test]
fn the_iframe_page_ships_and_names_every_table_but_englishs() {
    // index.html copies each table into the build and names it for the widget
    // (browser::language_file); the build's hash step rewrites the names.
    let page = include_str!("../../../index.html");
    let names: Vec<String> = CODES[1..].iter().map(|c| format!("{c}={c}.json")).collect();
    let manifest = format!("<meta name=\"lc-languages\" content=\"{}\" />", names.join(" "));
    assert!(page.contains(&manifest), "index.html lacks {manifest}");
    for code in CODES {
        let copy = format!("<link data-trunk rel=\"copy-file\" href=\"src/ui/i18n/lang/{code}.json\" />");
        assert_eq!(page.contains(&copy), code != "en", "{copy}: English is compiled in, the others copied");
    }
}
