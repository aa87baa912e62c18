//! German strings (formal "Sie", as German customer service writes).

use std::collections::BTreeMap;

use super::en::human_size;
use super::plural::{one_other, Plural};
use super::{FileStrings, Strings};

fn plural(n: u64, one: &str, other: &str) -> String {
    let word = if one_other(n) == Plural::One { one } else { other };
    format!("{n} {word}")
}

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("Ein Mitarbeiter");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent} ist dem Chat beigetreten.")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent} hat den Chat verlassen."),
        "transfer.chat" | "routing.transferred" => "Der Chat wurde an einen anderen Mitarbeiter weitergeleitet.".into(),
        "manual_archived_customer" => "Sie haben den Chat beendet.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => {
            "Der Chat wurde geschlossen.".into()
        }
        _ => return None,
    })
}

/// German.
pub static DE: Strings = Strings {
    code: "de",
    dir: "ltr",
    plural: one_other,
    widget_label: "Kundenchat",
    title: "Chatten Sie mit uns",
    subtitle_online: "Wir antworten meist innerhalb weniger Minuten",
    subtitle_offline: "Wir sind gerade nicht da. Hinterlassen Sie uns eine Nachricht.",
    launcher_open: "Chat öffnen",
    launcher_close: "Chat minimieren",
    unread: |n| plural(u64::from(n), "ungelesene Nachricht", "ungelesene Nachrichten"),
    agents_online: "Mitarbeiter online",
    agents_offline: "Mitarbeiter nicht erreichbar",
    minimise: "Chat minimieren",
    end_chat: "Chat beenden",
    end_chat_question: "Diesen Chat beenden?",
    end_chat_confirm: "Ja, beenden",
    cancel: "Abbrechen",
    greeting_open: "Chat öffnen",
    greeting_dismiss: "Schließen",
    greeting_from: |agent| format!("Nachricht von {agent}"),
    agent_fallback: "Mitarbeiter",
    you: "Sie",
    log_label: "Unterhaltung",
    empty_chat: "Fragen Sie uns, was Sie möchten. Wir helfen gern.",
    load_earlier: "Frühere Nachrichten laden",
    typing_one: |agent| format!("{agent} schreibt…"),
    typing_many: "Mitarbeiter schreiben…",
    pending: "Wird gesendet…",
    sent: "Gesendet",
    seen: "Gelesen",
    failed: "Nicht gesendet",
    retry: "Erneut senden",
    remove: "Entfernen",
    image_fallback: "Bild",
    file_fallback: "Datei",
    download: |name| format!("{name} herunterladen"),
    new_tab: "(öffnet sich in einem neuen Tab)",
    link_unavailable: "(Link nicht verfügbar)",
    form_sent: "Formular gesendet",
    quick_replies: "Schnellantworten",
    webview_title: "Eingebettete Seite",
    webview_close: "Schließen",
    system_message,
    composer_label: "Nachricht schreiben",
    composer_placeholder: "Nachricht schreiben…",
    send: "Senden",
    message_parts: |n| format!("Diese lange Nachricht wird in {} gesendet.", plural(n as u64, "Teil", "Teilen")),
    composer_hint: "Eingabetaste zum Senden, Umschalt+Eingabetaste für eine neue Zeile.",
    prechat_title: "Bevor es losgeht, erzählen Sie uns kurz etwas über sich",
    prechat_submit: "Chat starten",
    postchat_title: "Wie war Ihr Chat?",
    postchat_submit: "Feedback senden",
    postchat_skip: "Überspringen",
    required: "(Pflichtfeld)",
    field_required: "Dieses Feld ist ein Pflichtfeld.",
    email_invalid: "Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.",
    choose_option: "Bitte wählen…",
    queue_position: |n| format!("Ihre Position in der Warteschlange: {n}."),
    queue_waiting: "Sie sind in der Warteschlange. Gleich ist ein Mitarbeiter für Sie da.",
    queue_wait: |wait| format!("Voraussichtliche Wartezeit: {wait}."),
    wait_under_minute: "weniger als eine Minute",
    wait_minutes: |n| format!("etwa {}", plural(n, "Minute", "Minuten")),
    wait_hours: |n| format!("etwa {}", plural(n, "Stunde", "Stunden")),
    chat_ended: "Der Chat wurde beendet.",
    start_new_chat: "Neuen Chat starten",
    postchat_thanks: "Vielen Dank für Ihr Feedback!",
    connecting: "Verbindung wird hergestellt…",
    reconnecting_in: |s| format!("Verbindung unterbrochen. Neuer Versuch in {s} s…"),
    reconnecting: "Verbindung unterbrochen. Neuer Verbindungsversuch…",
    offline: "Sie sind offline. Der Chat verbindet sich wieder, sobald Ihre Verbindung zurück ist.",
    paused: "Chat pausiert. Senden Sie eine Nachricht, um die Verbindung wiederherzustellen.",
    paused_busy: "Gerade chatten sehr viele Menschen. Senden Sie eine Nachricht, um es erneut zu versuchen.",
    refused_sign_in: "Der Chat konnte Sie nicht anmelden.",
    refused_group: "Dieser Chat ist auf dieser Seite nicht verfügbar.",
    refused_limit: "Der Chat kann gerade keine weiteren Besucher aufnehmen.",
    refused_other: "Der Chat konnte keine Verbindung herstellen.",
    try_again: "Erneut versuchen",
    stopped_banned: "Sie können diesen Chat nicht mehr nutzen.",
    stopped_license: "Der Chat ist auf dieser Website gerade nicht verfügbar.",
    stopped_too_many:
        "Der Chat ist in zu vielen Fenstern geöffnet. Schließen Sie einige davon und laden Sie die Seite neu.",
    stopped_version: "Der Chat wurde aktualisiert. Bitte laden Sie die Seite neu.",
    stopped_closed: "Der Chat wurde geschlossen.",
    stopped_other: "Der Chat ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut.",
    files: FileStrings {
        attach: "Datei anhängen",
        drop_here: "Dateien hier ablegen, um sie zu senden",
        tray_label: "Dateien, die gesendet werden",
        queued: "Wartet auf den Upload…",
        uploading: |name| format!("{name} wird hochgeladen"),
        cancel: "Abbrechen",
        retry: "Erneut versuchen",
        remove: "Entfernen",
        choose_again: "Datei erneut auswählen",
        empty: "Diese Datei ist leer.",
        too_large: "Diese Datei ist größer als 10 MB. Größere Dateien können nicht gesendet werden.",
        refused_type: "Dateien dieses Typs können nicht gesendet werden.",
        network: "Der Upload ist fehlgeschlagen. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
        timed_out: "Der Upload kommt nicht voran. Versuchen Sie es erneut.",
        rejected: |message| format!("Die Datei wurde nicht angenommen: {message}"),
        no_url: "Die Datei konnte nicht gespeichert werden. Versuchen Sie es erneut.",
        interrupted: "Der Upload wurde durch das Neuladen der Seite unterbrochen.",
        size: |bytes| human_size(bytes, ","),
    },
    unread_title: "Neue Nachricht",
    rate_question: "Wie war dieser Chat?",
    rate_good: "Gut",
    rate_bad: "Schlecht",
    rate_comment_label: "Kommentar hinzufügen (optional)",
    rate_send_comment: "Kommentar senden",
    rate_remove: "Bewertung entfernen",
    rate_thanks: "Vielen Dank für Ihre Bewertung.",
    rate_failed: "Ihre Bewertung konnte nicht gespeichert werden. Versuchen Sie es erneut.",
    ticket_title: "Nachricht hinterlassen",
    ticket_submit: "Nachricht senden",
    ticket_sending: "Wird gesendet…",
    ticket_sent: "Vielen Dank! Wir haben Ihre Nachricht erhalten und antworten Ihnen per E-Mail.",
    ticket_failed: "Ihre Nachricht konnte nicht gesendet werden. Versuchen Sie es erneut.",
    continuous_note:
        "Wir sind gerade nicht da. Hinterlassen Sie hier eine Nachricht, wir antworten Ihnen in diesem Chat.",
    sound_on: "Ton für Antworten einschalten",
    sound_off: "Ton für Antworten ausschalten",
    transcript_download: "Chatverlauf herunterladen",
    transcript_title: "Chatverlauf",
    chat_form_title: "Bitte füllen Sie dieses Formular aus",
    chat_form_submit: "Senden",
};
