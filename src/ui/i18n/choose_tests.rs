//! The language is chosen in the documented order: the configured one, else the host
//! page's `<html lang>`, else the browser's, each by its primary subtag.

use super::*;

#[test]
fn tags_are_read_by_their_primary_subtag_in_any_case() {
    assert_eq!(for_language("pl").code, "pl");
    assert_eq!(for_language("PL-pl").code, "pl");
    assert_eq!(for_language("pt-BR").code, "pt");
    assert_eq!(for_language("pt_PT").code, "pt");
    assert_eq!(for_language(" de-AT ").code, "de");
    assert_eq!(for_language("iw").code, "he");
    assert_eq!(for_language("ar-EG").dir, "rtl");
    assert!(lookup("zh-Hant").is_none());
    assert_eq!(for_language("zh-Hant").code, "en");
    assert_eq!(for_language("xx").code, "en");
    assert_eq!(for_language("").code, "en");
}

#[test]
fn the_language_is_the_configured_one_else_the_host_pages_else_the_browsers() {
    let browser = ["de-DE".to_owned(), "fr".to_owned()];
    assert_eq!(choose(Some("pl"), Some("ar"), &browser).code, "pl");
    assert_eq!(choose(Some("en"), Some("ar"), &browser).code, "en", "English by choice is kept");
    assert_eq!(choose(None, Some("ar"), &browser).code, "ar");
    assert_eq!(choose(None, None, &browser).code, "de");
    // A language without a table is passed over, in every source.
    assert_eq!(choose(Some("zh-Hant"), Some("he-IL"), &browser).code, "he");
    assert_eq!(choose(None, Some("zh"), &["zh-TW".to_owned(), "fr-CA".to_owned()]).code, "fr");
    assert_eq!(choose(Some("xx"), None, &[]).code, "en");
    assert_eq!(choose(None, None, &[]).code, "en");
}
