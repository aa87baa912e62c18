//! Every language has every string, its plurals follow CLDR, and the language is chosen
//! in the documented order.

use std::collections::BTreeMap;

use super::lang_tests::{all, table};
use super::plural::*;
use super::*;

/// Every text of a table, the functions called with sample arguments. The pattern names
/// every field (no `..`), so a field added to [`Strings`] fails to compile here until it
/// is listed, and so is checked in every language.
fn texts(s: &'static Strings) -> Vec<(String, String)> {
    let Strings {
        code: _,
        dir: _,
        plural: _,
        widget_label,
        title,
        subtitle_online,
        subtitle_offline,
        launcher_open,
        launcher_close,
        unread: _,
        agents_online,
        agents_offline,
        minimise,
        end_chat,
        end_chat_question,
        end_chat_confirm,
        cancel,
        greeting_open,
        greeting_dismiss,
        greeting_from: _,
        agent_fallback,
        you,
        log_label,
        empty_chat,
        load_earlier,
        typing_one: _,
        typing_many,
        pending,
        sent,
        seen,
        failed,
        retry,
        remove,
        image_fallback,
        file_fallback,
        download: _,
        new_tab,
        link_unavailable,
        form_sent,
        quick_replies,
        webview_title,
        webview_close,
        system_message: _,
        composer_label,
        composer_placeholder,
        send,
        message_parts: _,
        composer_hint,
        prechat_title,
        prechat_submit,
        postchat_title,
        postchat_submit,
        postchat_skip,
        required,
        field_required,
        email_invalid,
        choose_option,
        queue_position: _,
        queue_waiting,
        queue_wait: _,
        wait_under_minute,
        wait_minutes: _,
        wait_hours: _,
        chat_ended,
        start_new_chat,
        postchat_thanks,
        connecting,
        reconnecting_in: _,
        reconnecting,
        offline,
        paused,
        paused_busy,
        refused_sign_in,
        refused_group,
        refused_limit,
        refused_other,
        try_again,
        stopped_banned,
        stopped_license,
        stopped_too_many,
        stopped_version,
        stopped_closed,
        stopped_other,
        unread_title,
        rate_question,
        rate_good,
        rate_bad,
        rate_comment_label,
        rate_send_comment,
        rate_remove,
        rate_thanks,
        rate_failed,
        ticket_title,
        ticket_submit,
        ticket_sending,
        ticket_sent,
        ticket_failed,
        continuous_note,
        sound_on,
        sound_off,
        transcript_download,
        transcript_title,
        chat_form_title,
        chat_form_submit,
        files,
    } = s;
    let FileStrings {
        attach: file_attach,
        drop_here: file_drop_here,
        tray_label: file_tray_label,
        queued: file_queued,
        cancel: file_cancel,
        retry: file_retry,
        remove: file_remove,
        choose_again: file_choose_again,
        empty: file_empty,
        too_large: file_too_large,
        refused_type: file_refused_type,
        network: file_network,
        timed_out: file_timed_out,
        no_url: file_no_url,
        interrupted: file_interrupted,
        uploading: _,
        rejected: _,
        size: _,
    } = files;
    let mut out: Vec<(String, String)> = [
        ("widget_label", widget_label),
        ("title", title),
        ("subtitle_online", subtitle_online),
        ("subtitle_offline", subtitle_offline),
        ("launcher_open", launcher_open),
        ("launcher_close", launcher_close),
        ("agents_online", agents_online),
        ("agents_offline", agents_offline),
        ("minimise", minimise),
        ("end_chat", end_chat),
        ("end_chat_question", end_chat_question),
        ("end_chat_confirm", end_chat_confirm),
        ("cancel", cancel),
        ("greeting_open", greeting_open),
        ("greeting_dismiss", greeting_dismiss),
        ("agent_fallback", agent_fallback),
        ("you", you),
        ("log_label", log_label),
        ("empty_chat", empty_chat),
        ("load_earlier", load_earlier),
        ("typing_many", typing_many),
        ("pending", pending),
        ("sent", sent),
        ("seen", seen),
        ("failed", failed),
        ("retry", retry),
        ("remove", remove),
        ("image_fallback", image_fallback),
        ("file_fallback", file_fallback),
        ("new_tab", new_tab),
        ("link_unavailable", link_unavailable),
        ("form_sent", form_sent),
        ("quick_replies", quick_replies),
        ("webview_title", webview_title),
        ("webview_close", webview_close),
        ("composer_label", composer_label),
        ("composer_placeholder", composer_placeholder),
        ("send", send),
        ("composer_hint", composer_hint),
        ("prechat_title", prechat_title),
        ("prechat_submit", prechat_submit),
        ("postchat_title", postchat_title),
        ("postchat_submit", postchat_submit),
        ("postchat_skip", postchat_skip),
        ("required", required),
        ("field_required", field_required),
        ("email_invalid", email_invalid),
        ("choose_option", choose_option),
        ("queue_waiting", queue_waiting),
        ("wait_under_minute", wait_under_minute),
        ("chat_ended", chat_ended),
        ("start_new_chat", start_new_chat),
        ("postchat_thanks", postchat_thanks),
        ("connecting", connecting),
        ("reconnecting", reconnecting),
        ("offline", offline),
        ("paused", paused),
        ("paused_busy", paused_busy),
        ("refused_sign_in", refused_sign_in),
        ("refused_group", refused_group),
        ("refused_limit", refused_limit),
        ("refused_other", refused_other),
        ("try_again", try_again),
        ("stopped_banned", stopped_banned),
        ("stopped_license", stopped_license),
        ("stopped_too_many", stopped_too_many),
        ("stopped_version", stopped_version),
        ("stopped_closed", stopped_closed),
        ("stopped_other", stopped_other),
        ("unread_title", unread_title),
        ("rate_question", rate_question),
        ("rate_good", rate_good),
        ("rate_bad", rate_bad),
        ("rate_comment_label", rate_comment_label),
        ("rate_send_comment", rate_send_comment),
        ("rate_remove", rate_remove),
        ("rate_thanks", rate_thanks),
        ("rate_failed", rate_failed),
        ("ticket_title", ticket_title),
        ("ticket_submit", ticket_submit),
        ("ticket_sending", ticket_sending),
        ("ticket_sent", ticket_sent),
        ("ticket_failed", ticket_failed),
        ("continuous_note", continuous_note),
        ("sound_on", sound_on),
        ("sound_off", sound_off),
        ("transcript_download", transcript_download),
        ("transcript_title", transcript_title),
        ("chat_form_title", chat_form_title),
        ("chat_form_submit", chat_form_submit),
        ("files.attach", file_attach),
        ("files.drop_here", file_drop_here),
        ("files.tray_label", file_tray_label),
        ("files.queued", file_queued),
        ("files.cancel", file_cancel),
        ("files.retry", file_retry),
        ("files.remove", file_remove),
        ("files.choose_again", file_choose_again),
        ("files.empty", file_empty),
        ("files.too_large", file_too_large),
        ("files.refused_type", file_refused_type),
        ("files.network", file_network),
        ("files.timed_out", file_timed_out),
        ("files.no_url", file_no_url),
        ("files.interrupted", file_interrupted),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), (*v).to_owned()))
    .collect();
    for (name, text) in [
        ("greeting_from", s.greeting_from(AGENT)),
        ("typing_one", s.typing_one(AGENT)),
        ("download", s.download(FILE)),
        ("queue_wait", s.queue_wait(WAIT)),
        ("files.uploading", files.uploading(FILE)),
        ("files.rejected", files.rejected(REJECTION)),
        ("files.size", files.size(SIZE)),
    ] {
        out.push((name.into(), text));
    }
    for n in COUNTS {
        out.push((format!("unread({n})"), s.unread(n as u32)));
        out.push((format!("message_parts({n})"), s.message_parts(n as usize)));
        out.push((format!("queue_position({n})"), s.queue_position(n)));
        out.push((format!("wait_minutes({n})"), s.wait_minutes(n)));
        out.push((format!("wait_hours({n})"), s.wait_hours(n)));
        out.push((format!("reconnecting_in({n})"), s.reconnecting_in(n)));
    }
    let vars = BTreeMap::from([("agent".to_owned(), AGENT.to_owned())]);
    for kind in SYSTEM_KINDS {
        out.push((format!("system_message({kind})"), s.system_message(kind, &vars).unwrap_or_default()));
        let fallback = s.system_message(kind, &BTreeMap::new()).unwrap_or_default();
        out.push((format!("system_message({kind}, no agent)"), fallback));
    }
    out
}

const AGENT: &str = "Zoë Ångström";
const FILE: &str = "invoice-2024.pdf";
const WAIT: &str = "⟨wait⟩";
const REJECTION: &str = "⟨the service’s message⟩";
/// 2.4 MB, with a decimal separator.
const SIZE: u64 = 2_500_000;
/// Counts every language writes with digits (no "one", "two" or Hebrew dual words).
const COUNTS: [u64; 3] = [7, 25, 101];
const SYSTEM_KINDS: [&str; 8] = [
    "routing.assigned",
    "routing.unassigned",
    "agent_removed",
    "transfer.chat",
    "routing.transferred",
    "manual_archived_customer",
    "routing.archived_inactive",
    "manual_archived_agent",
];

/// Texts that are rightly the same word as in English (checked by a translator).
const SAME_AS_ENGLISH: [(&str, &str); 6] = [
    ("fr", "image_fallback"), // "Image"
    ("fr", "log_label"),      // "Conversation"
    ("it", "file_fallback"),  // "File"
    ("ar", "files.size"),     // "2.4 MB": CLDR's decimal point with Western digits
    ("he", "files.size"),     // "2.4 MB"
    ("ja", "files.size"),     // "2.4 MB"
];

#[test]
fn there_are_at_least_twelve_languages_beside_english_with_unique_codes() {
    let languages = all();
    assert!(languages.len() > 12);
    assert_eq!(languages[0].code, "en");
    let mut codes: Vec<_> = languages.iter().map(|s| s.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), languages.len(), "one table per code");
    for s in languages {
        assert!(s.code.len() == 2 && s.code.chars().all(|c| c.is_ascii_lowercase()), "{}", s.code);
        let rtl = matches!(s.code, "ar" | "he");
        assert_eq!(s.dir, if rtl { "rtl" } else { "ltr" }, "{}", s.code);
    }
}

#[test]
fn every_language_has_every_string_translated_with_its_placeholders() {
    let en_texts = texts(english());
    for s in all() {
        let texts = texts(s);
        assert_eq!(texts.len(), en_texts.len());
        for ((name, text), (_, en_text)) in texts.iter().zip(&en_texts) {
            let at = format!("{}.{name}", s.code);
            assert!(!text.trim().is_empty(), "{at} is empty");
            assert_eq!(text.trim(), text, "{at} has spaces around it");
            assert!(!text.contains("{") && !text.contains("  "), "{at}: {text:?}");
            if s.code != "en" && !SAME_AS_ENGLISH.contains(&(s.code, name.as_str())) {
                assert_ne!(text, en_text, "{at} is still English");
            }
        }
        let get = |key: &str| &texts.iter().find(|(k, _)| k == key).unwrap().1;
        for key in ["greeting_from", "typing_one", "system_message(routing.assigned)", "system_message(agent_removed)"]
        {
            assert!(get(key).contains(AGENT), "{}.{key} lost the agent's name: {}", s.code, get(key));
        }
        assert!(get("download").contains(FILE), "{}.download", s.code);
        assert!(get("queue_wait").contains(WAIT), "{}.queue_wait", s.code);
        assert!(get("files.uploading").contains(FILE), "{}.files.uploading", s.code);
        assert!(get("files.rejected").contains(REJECTION), "{}.files.rejected", s.code);
        let size = get("files.size");
        assert!(size.contains("2.4") || size.contains("2,4"), "{}.files.size: {size}", s.code);
        for n in COUNTS {
            for f in ["unread", "message_parts", "queue_position", "wait_minutes", "wait_hours", "reconnecting_in"] {
                let key = format!("{f}({n})");
                assert!(get(&key).contains(&n.to_string()), "{}.{key} lost the number: {}", s.code, get(&key));
            }
        }
        assert_eq!(s.system_message("some.future_type", &BTreeMap::new()), None, "{}", s.code);
    }
    for (code, name) in SAME_AS_ENGLISH {
        let text = |s: &'static Strings| texts(s).into_iter().find(|(k, _)| k == name).unwrap().1;
        assert_eq!(text(table(code)), text(english()), "{code}.{name} is no longer the English word");
    }
}

#[test]
fn the_boot_launcher_names_itself_in_every_language() {
    // boot.js labels the static launcher before the wasm runs: the same words.
    let boot = include_str!("../../../boot.js");
    let languages = all();
    for s in &languages[1..] {
        let entry = format!("{}: \"{}\"", s.code, s.launcher_open);
        assert!(boot.contains(&entry), "boot.js lacks {entry}");
    }
    assert_eq!(boot.matches(": \"").count(), languages.len() - 1, "boot.js has a label per language, no more");
}

/// The numbers of the brief, and CLDR's category for each, per rule.
const SAMPLES: [u64; 14] = [0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 101, 111, 103, 1_000_000];

fn expected(code: &str) -> [Plural; 14] {
    use Plural::*;
    match code {
        "en" | "de" | "nl" | "tr" => {
            [Other, One, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other]
        }
        "es" | "it" => [Other, One, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Many],
        "fr" | "pt" => [One, One, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Many],
        "ru" | "uk" => [Many, One, Few, Few, Many, Many, Many, One, Few, Many, One, Many, Few, Many],
        "pl" => [Many, One, Few, Few, Many, Many, Many, Many, Few, Many, Many, Many, Few, Many],
        "cs" => [Other, One, Few, Few, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other],
        "ar" => [Zero, One, Two, Few, Few, Many, Many, Many, Many, Many, Other, Many, Few, Other],
        "he" => [Other, One, Two, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other],
        "ja" => [Other; 14],
        other => panic!("no CLDR table for {other}"),
    }
}

#[test]
fn plural_categories_follow_cldr_for_the_sample_numbers() {
    for s in all() {
        let got: Vec<Plural> = SAMPLES.iter().map(|&n| s.plural.category(n)).collect();
        assert_eq!(got, expected(s.code), "{}", s.code);
    }
}

#[test]
fn plural_word_forms_are_right() {
    let unread = |code: &str, n: u32| table(code).unread(n);
    let minutes = |code: &str, n: u64| table(code).wait_minutes(n);
    assert_eq!(unread("en", 1), "1 unread message");
    assert_eq!(unread("en", 0), "0 unread messages");
    assert_eq!(table("en").message_parts(3), "This long message will be sent in 3 parts.");
    assert_eq!(minutes("de", 1), "etwa 1 Minute");
    assert_eq!(minutes("de", 21), "etwa 21 Minuten");
    assert_eq!(unread("fr", 0), "0 message non lu");
    assert_eq!(unread("fr", 2), "2 messages non lus");
    assert_eq!(table("fr").wait_hours(1_000_000), "environ 1000000 d’heures");
    assert_eq!(unread("es", 1_000_000), "1000000 de mensajes sin leer");
    assert_eq!(unread("pt", 0), "0 mensagem não lida");
    for (n, text) in [
        (1, "1 nieprzeczytana wiadomość"),
        (3, "3 nieprzeczytane wiadomości"),
        (5, "5 nieprzeczytanych wiadomości"),
        (12, "12 nieprzeczytanych wiadomości"),
        (21, "21 nieprzeczytanych wiadomości"),
        (22, "22 nieprzeczytane wiadomości"),
    ] {
        assert_eq!(unread("pl", n), text);
    }
    assert_eq!(minutes("pl", 1), "około 1 minuty");
    assert_eq!(minutes("pl", 2), "około 2 minut");
    for (n, text) in [
        (1, "1 непрочитанное сообщение"),
        (2, "2 непрочитанных сообщения"),
        (5, "5 непрочитанных сообщений"),
        (11, "11 непрочитанных сообщений"),
        (21, "21 непрочитанное сообщение"),
        (22, "22 непрочитанных сообщения"),
        (111, "111 непрочитанных сообщений"),
    ] {
        assert_eq!(unread("ru", n), text);
    }
    assert_eq!(minutes("ru", 21), "около 21 минуты");
    assert_eq!(minutes("ru", 3), "около 3 минут");
    assert_eq!(minutes("uk", 1), "приблизно 1 хвилина");
    assert_eq!(minutes("uk", 3), "приблизно 3 хвилини");
    assert_eq!(minutes("uk", 12), "приблизно 12 хвилин");
    assert_eq!(minutes("uk", 101), "приблизно 101 хвилина");
    assert_eq!(unread("cs", 2), "2 nepřečtené zprávy");
    assert_eq!(unread("cs", 5), "5 nepřečtených zpráv");
    assert_eq!(unread("cs", 22), "22 nepřečtených zpráv");
    assert_eq!(table("cs").wait_hours(1), "asi 1 hodina");
    for (n, text) in [
        (0, "لا توجد رسائل غير مقروءة"),
        (1, "رسالة واحدة غير مقروءة"),
        (2, "رسالتان غير مقروءتين"),
        (3, "3 رسائل غير مقروءة"),
        (11, "11 رسالة غير مقروءة"),
        (101, "101 رسالة غير مقروءة"),
    ] {
        assert_eq!(unread("ar", n), text);
    }
    assert_eq!(minutes("he", 1), "כדקה");
    assert_eq!(minutes("he", 2), "כשתי דקות");
    assert_eq!(table("he").wait_hours(2), "כשעתיים");
    assert_eq!(minutes("he", 5), "כ־5 דקות");
    assert_eq!(unread("tr", 5), "5 okunmamış mesaj");
    assert_eq!(unread("ja", 1), "未読メッセージ 1 件");
    assert_eq!(unread("ja", 12), "未読メッセージ 12 件");
}

#[test]
fn file_sizes_read_as_people_write_them() {
    assert_eq!(table("en").files.size(0), "0 B");
    assert_eq!(table("en").files.size(1023), "1023 B");
    assert_eq!(table("en").files.size(310 * 1024), "310 KB");
    assert_eq!(table("en").files.size(10 * 1024 * 1024), "10.0 MB");
    assert_eq!(table("pl").files.size(2_500_000), "2,4 MB");
    assert_eq!(table("de").files.size(2_500_000), "2,4 MB");
    assert_eq!(table("ja").files.size(2_500_000), "2.4 MB");
    assert_eq!(table("fr").files.size(2_500_000), "2,4 Mo");
    assert_eq!(table("fr").files.size(310 * 1024), "310 Ko");
    assert_eq!(table("fr").files.size(12), "12 o");
    assert_eq!(table("ru").files.size(10 * 1024 * 1024), "10,0 МБ");
    assert_eq!(table("uk").files.size(0), "0 Б");
}
