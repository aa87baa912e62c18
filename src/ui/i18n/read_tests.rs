//! The table reader refuses a malformed or incomplete table as a whole, with the key and
//! what is wrong, and never panics: missing and unknown keys, wrong types, unknown
//! placeholders, counts without their plural rule's categories.

use serde_json::{json, Value};

use super::*;

/// English's table as JSON, changed by `edit`, read as language `code`.
fn read_edited(code: &str, edit: impl FnOnce(&mut Value)) -> Result<&'static Strings, TableError> {
    let mut table: Value = serde_json::from_str(ENGLISH_JSON).unwrap();
    table["code"] = json!(code);
    edit(&mut table);
    read_table(&table.to_string(), code)
}

fn rejected(edit: impl FnOnce(&mut Value)) -> String {
    match read_edited("de", edit) {
        Ok(_) => panic!("the edited table was read"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn englishs_table_read_as_another_code_is_accepted() {
    let de = read_edited("de", |_| ()).unwrap();
    assert_eq!((de.code, de.title, de.unread(2).as_str()), ("de", "Chat with us", "2 unread messages"));
}

#[test]
fn a_table_that_is_not_a_json_object_is_refused() {
    for text in ["", "{", "[1, 2]", "\"de\"", "null", "{\"code\": \"de\"", "\u{feff}{}"] {
        let e = read_table(text, "de").err().unwrap();
        assert!(e.key.is_empty(), "{text:?}: {e}");
    }
    assert_eq!(read_table("{}", "de").err().unwrap().to_string(), "`code`: missing");
}

#[test]
fn a_missing_key_is_named() {
    let e = rejected(|t| drop(t.as_object_mut().unwrap().remove("send")));
    assert_eq!(e, "`send`: missing");
    let e = rejected(|t| drop(t["files"]["size"].as_object_mut().unwrap().remove("kb")));
    assert_eq!(e, "`files.size.kb`: missing");
    let e = rejected(|t| drop(t["system_message"].as_object_mut().unwrap().remove("joined")));
    assert_eq!(e, "`system_message.joined`: missing");
}

#[test]
fn a_key_english_does_not_have_is_refused() {
    assert_eq!(rejected(|t| t["sendd"] = json!("Senden")), "`sendd`: not a key of English's table");
    assert_eq!(rejected(|t| t["files"]["extra"] = json!("x")), "`files.extra`: not a key of English's table");
}

#[test]
fn wrong_types_and_empty_texts_are_refused() {
    assert_eq!(rejected(|t| t["send"] = json!(1)), "`send`: not a string");
    assert_eq!(rejected(|t| t["send"] = json!(null)), "`send`: not a string");
    assert_eq!(rejected(|t| t["send"] = json!(["Senden"])), "`send`: not a string");
    assert_eq!(rejected(|t| t["send"] = json!("  ")), "`send`: empty");
    assert_eq!(rejected(|t| t["files"] = json!("Dateien")), "`files`: not an object");
    assert_eq!(rejected(|t| t["unread"] = json!(3)), "`unread`: not an object");
    assert_eq!(rejected(|t| t["unread"]["one"] = json!(false)), "`unread.one`: not a string");
}

#[test]
fn unknown_placeholders_and_lone_braces_are_refused() {
    let e = rejected(|t| t["send"] = json!("Send {name}"));
    assert_eq!(e, "`send`: unknown placeholder {name} (this text may have none)");
    let e = rejected(|t| t["greeting_from"] = json!("Message from {name}"));
    assert_eq!(e, "`greeting_from`: unknown placeholder {name} (this text may have {agent})");
    let e = rejected(|t| t["unread"]["other"] = json!("{count} unread"));
    assert_eq!(e, "`unread.other`: unknown placeholder {count} (this text may have {n})");
    for lone in ["Message from {agent", "Message from agent}", "}{agent}", "{agent}}"] {
        let e = rejected(|t| t["greeting_from"] = json!(lone));
        assert!(e.starts_with("`greeting_from`: a lone brace in"), "{lone}: {e}");
    }
    // A placeholder may be left out (Arabic's "one unread message" has no number).
    assert!(read_edited("de", |t| t["unread"]["one"] = json!("One unread message")).is_ok());
}

#[test]
fn a_count_has_exactly_the_categories_of_its_plural_rule() {
    // English's `one_other` counts read as Polish: `few` and `many` missing, `other` extra.
    let e = rejected(|t| t["plural"] = json!("polish"));
    assert_eq!(e, "`unread.few`: missing");
    let e = rejected(|t| t["unread"]["few"] = json!("{n} unread messages"));
    assert_eq!(e, "`unread.few`: a category the language's plural rule never gives");
    assert_eq!(rejected(|t| t["plural"] = json!("klingon")), "`plural`: an unknown plural rule");
    // One text for every number is a count too.
    let de = read_edited("de", |t| t["unread"] = json!("{n} unread")).unwrap();
    assert_eq!((de.unread(1), de.unread(5)), ("1 unread".to_owned(), "5 unread".to_owned()));
}

#[test]
fn the_table_must_be_the_language_asked_for() {
    assert_eq!(read_edited("fr", |t| t["code"] = json!("de")).err().unwrap().to_string(), "`code`: not \"fr\"");
    assert_eq!(rejected(|t| t["dir"] = json!("up")), "`dir`: neither \"ltr\" nor \"rtl\"");
    let e = read_edited("xx", |_| ()).err().unwrap();
    assert_eq!(e.to_string(), "\"xx\" is not a language of the widget");
}
