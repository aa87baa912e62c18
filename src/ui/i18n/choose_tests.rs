//! The language is chosen in the documented order: the configured one, else the host
//! page's `<html lang>`, else the browser's, each by its primary subtag.

use super::*;

#[test]
fn tags_are_read_by_their_primary_subtag_in_any_case() {
    assert_eq!(lookup("pl"), Some("pl"));
    assert_eq!(lookup("PL-pl"), Some("pl"));
    assert_eq!(lookup("pt-BR"), Some("pt"));
    assert_eq!(lookup("pt_PT"), Some("pt"));
    assert_eq!(lookup(" de-AT "), Some("de"));
    assert_eq!(lookup("iw"), Some("he"));
    assert_eq!(lookup("ar-EG"), Some("ar"));
    assert_eq!(lookup("zh-Hant"), None);
    assert_eq!(lookup("xx"), None);
    assert_eq!(lookup(""), None);
}

#[test]
fn the_language_is_the_configured_one_else_the_host_pages_else_the_browsers() {
    let browser = ["de-DE".to_owned(), "fr".to_owned()];
    assert_eq!(choose(Some("pl"), Some("ar"), &browser), "pl");
    assert_eq!(choose(Some("en"), Some("ar"), &browser), "en", "English by choice is kept");
    assert_eq!(choose(None, Some("ar"), &browser), "ar");
    assert_eq!(choose(None, None, &browser), "de");
    // A language without a table is passed over, in every source.
    assert_eq!(choose(Some("zh-Hant"), Some("he-IL"), &browser), "he");
    assert_eq!(choose(None, Some("zh"), &["zh-TW".to_owned(), "fr-CA".to_owned()]), "fr");
    assert_eq!(choose(Some("xx"), None, &[]), "en");
    assert_eq!(choose(None, None, &[]), "en");
}
