//! Dutch strings ("je", as Dutch web services address visitors).

use std::collections::BTreeMap;

use super::plural::{one_other, Plural};
use super::Strings;

fn plural(n: u64, one: &str, other: &str) -> String {
    let word = if one_other(n) == Plural::One { one } else { other };
    format!("{n} {word}")
}

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("Een medewerker");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent} neemt deel aan de chat.")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent} heeft de chat verlaten."),
        "transfer.chat" | "routing.transferred" => "De chat is doorgezet naar een andere medewerker.".into(),
        "manual_archived_customer" => "Je hebt de chat beëindigd.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => "De chat is gesloten.".into(),
        _ => return None,
    })
}

/// Dutch.
pub static NL: Strings = Strings {
    code: "nl",
    dir: "ltr",
    plural: one_other,
    widget_label: "Klantenchat",
    title: "Chat met ons",
    subtitle_online: "We reageren meestal binnen een paar minuten",
    subtitle_offline: "We zijn er nu niet. Laat een bericht achter.",
    launcher_open: "Chat openen",
    launcher_close: "Chat minimaliseren",
    unread: |n| plural(u64::from(n), "ongelezen bericht", "ongelezen berichten"),
    agents_online: "medewerkers online",
    agents_offline: "medewerkers afwezig",
    minimise: "Chat minimaliseren",
    end_chat: "Chat beëindigen",
    end_chat_question: "Deze chat beëindigen?",
    end_chat_confirm: "Ja, beëindigen",
    cancel: "Annuleren",
    greeting_open: "Chat openen",
    greeting_dismiss: "Sluiten",
    greeting_from: |agent| format!("Bericht van {agent}"),
    agent_fallback: "Medewerker",
    you: "Jij",
    log_label: "Gesprek",
    empty_chat: "Stel gerust je vraag. We helpen je graag.",
    load_earlier: "Eerdere berichten laden",
    typing_one: |agent| format!("{agent} typt…"),
    typing_many: "Medewerkers typen…",
    pending: "Verzenden…",
    sent: "Verzonden",
    seen: "Gelezen",
    failed: "Niet verzonden",
    retry: "Opnieuw proberen",
    remove: "Verwijderen",
    image_fallback: "Afbeelding",
    file_fallback: "Bestand",
    download: |name| format!("{name} downloaden"),
    new_tab: "(opent in een nieuw tabblad)",
    link_unavailable: "(link niet beschikbaar)",
    form_sent: "Formulier verzonden",
    quick_replies: "Snelle antwoorden",
    webview_title: "Ingesloten pagina",
    webview_close: "Sluiten",
    system_message,
    composer_label: "Schrijf een bericht",
    composer_placeholder: "Schrijf een bericht…",
    send: "Verzenden",
    message_parts: |n| format!("Dit lange bericht wordt in {} verzonden.", plural(n as u64, "deel", "delen")),
    composer_hint: "Enter om te verzenden, Shift+Enter voor een nieuwe regel.",
    prechat_title: "Vertel ons eerst iets over jezelf",
    prechat_submit: "Chat starten",
    postchat_title: "Hoe was je chat?",
    postchat_submit: "Feedback versturen",
    postchat_skip: "Overslaan",
    required: "(verplicht)",
    field_required: "Dit veld is verplicht.",
    email_invalid: "Vul een geldig e-mailadres in, zoals naam@example.com.",
    choose_option: "Kies…",
    queue_position: |n| format!("Je positie in de wachtrij: {n}."),
    queue_waiting: "Je staat in de wachtrij. Er komt zo snel mogelijk een medewerker bij je.",
    queue_wait: |wait| format!("Verwachte wachttijd: {wait}."),
    wait_under_minute: "minder dan een minuut",
    wait_minutes: |n| format!("ongeveer {}", plural(n, "minuut", "minuten")),
    wait_hours: |n| format!("ongeveer {}", plural(n, "uur", "uur")),
    chat_ended: "De chat is beëindigd.",
    start_new_chat: "Nieuwe chat starten",
    postchat_thanks: "Bedankt voor je feedback!",
    connecting: "Verbinden…",
    reconnecting_in: |s| format!("Verbinding verbroken. Opnieuw verbinden over {s} s…"),
    reconnecting: "Verbinding verbroken. Opnieuw verbinden…",
    offline: "Je bent offline. De chat maakt weer verbinding zodra je internet terug is.",
    paused: "Chat gepauzeerd. Stuur een bericht om opnieuw te verbinden.",
    paused_busy: "Er chatten nu erg veel mensen. Stuur een bericht om het opnieuw te proberen.",
    stopped_banned: "Je kunt deze chat niet meer gebruiken.",
    stopped_license: "Deze chat is op deze website nu niet beschikbaar.",
    stopped_too_many: "De chat is in te veel vensters geopend. Sluit er een paar en laad de pagina opnieuw.",
    stopped_version: "Deze chat is bijgewerkt. Laad de pagina opnieuw.",
    stopped_closed: "De chat is gesloten.",
    stopped_other: "De chat is nu niet beschikbaar. Probeer het later opnieuw.",
};
