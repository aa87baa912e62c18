//! Italian strings ("tu", as Italian web services address visitors).

use std::collections::BTreeMap;

use super::plural::{one_many_other, Plural};
use super::Strings;

/// CLDR Italian: `one` for 1; `many`, whole millions, takes "di" ("1000000 di messaggi").
fn plural(n: u64, one: &str, other: &str) -> String {
    match one_many_other(n) {
        Plural::One => format!("{n} {one}"),
        Plural::Many => format!("{n} di {other}"),
        _ => format!("{n} {other}"),
    }
}

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("Un operatore");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent} partecipa alla chat.")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent} ha lasciato la chat."),
        "transfer.chat" | "routing.transferred" => "La chat è stata trasferita a un altro operatore.".into(),
        "manual_archived_customer" => "Hai chiuso la chat.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => "La chat è stata chiusa.".into(),
        _ => return None,
    })
}

/// Italian.
pub static IT: Strings = Strings {
    code: "it",
    dir: "ltr",
    plural: one_many_other,
    widget_label: "Chat con l’assistenza clienti",
    title: "Chatta con noi",
    subtitle_online: "Di solito rispondiamo in pochi minuti",
    subtitle_offline: "Al momento non siamo disponibili. Lasciaci un messaggio.",
    launcher_open: "Apri la chat",
    launcher_close: "Riduci la chat",
    unread: |n| plural(u64::from(n), "messaggio non letto", "messaggi non letti"),
    agents_online: "operatori online",
    agents_offline: "operatori non disponibili",
    minimise: "Riduci la chat",
    end_chat: "Chiudi la chat",
    end_chat_question: "Vuoi chiudere questa chat?",
    end_chat_confirm: "Sì, chiudi",
    cancel: "Annulla",
    greeting_open: "Apri la chat",
    greeting_dismiss: "Ignora",
    greeting_from: |agent| format!("Messaggio da {agent}"),
    agent_fallback: "Operatore",
    you: "Tu",
    log_label: "Conversazione",
    empty_chat: "Chiedici pure quello che vuoi. Siamo qui per aiutarti.",
    load_earlier: "Carica i messaggi precedenti",
    typing_one: |agent| format!("{agent} sta scrivendo…"),
    typing_many: "Gli operatori stanno scrivendo…",
    pending: "Invio in corso…",
    sent: "Inviato",
    seen: "Visualizzato",
    failed: "Non inviato",
    retry: "Riprova",
    remove: "Rimuovi",
    image_fallback: "Immagine",
    file_fallback: "File",
    download: |name| format!("Scarica {name}"),
    new_tab: "(si apre in una nuova scheda)",
    link_unavailable: "(link non disponibile)",
    form_sent: "Modulo inviato",
    quick_replies: "Risposte rapide",
    webview_title: "Pagina incorporata",
    webview_close: "Chiudi",
    system_message,
    composer_label: "Scrivi un messaggio",
    composer_placeholder: "Scrivi un messaggio…",
    send: "Invia",
    message_parts: |n| format!("Questo messaggio è lungo e verrà inviato in {}.", plural(n as u64, "parte", "parti")),
    composer_hint: "Invio per inviare, Maiusc+Invio per andare a capo.",
    prechat_title: "Prima di iniziare, raccontaci qualcosa di te",
    prechat_submit: "Inizia la chat",
    postchat_title: "Com’è andata la chat?",
    postchat_submit: "Invia il feedback",
    postchat_skip: "Salta",
    required: "(obbligatorio)",
    field_required: "Questo campo è obbligatorio.",
    email_invalid: "Inserisci un indirizzo email valido, ad esempio nome@example.com.",
    choose_option: "Scegli…",
    queue_position: |n| format!("La tua posizione in coda: {n}."),
    queue_waiting: "Sei in coda. Un operatore ti risponderà a breve.",
    queue_wait: |wait| format!("Attesa stimata: {wait}."),
    wait_under_minute: "meno di un minuto",
    wait_minutes: |n| format!("circa {}", plural(n, "minuto", "minuti")),
    wait_hours: |n| format!("circa {}", plural(n, "ora", "ore")),
    chat_ended: "La chat è terminata.",
    start_new_chat: "Inizia una nuova chat",
    postchat_thanks: "Grazie per il tuo feedback!",
    connecting: "Connessione in corso…",
    reconnecting_in: |s| format!("Connessione persa. Nuovo tentativo tra {s} s…"),
    reconnecting: "Connessione persa. Riconnessione in corso…",
    offline: "Sei offline. La chat si riconnetterà appena tornerà la connessione.",
    paused: "Chat in pausa. Invia un messaggio per riconnetterti.",
    paused_busy: "In questo momento molte persone stanno chattando. Invia un messaggio per riprovare.",
    stopped_banned: "Non puoi più usare questa chat.",
    stopped_license: "Al momento questa chat non è disponibile su questo sito.",
    stopped_too_many: "La chat è aperta in troppe finestre. Chiudine qualcuna e ricarica la pagina.",
    stopped_version: "Questa chat è stata aggiornata. Ricarica la pagina.",
    stopped_closed: "La chat è stata chiusa.",
    stopped_other: "Al momento la chat non è disponibile. Riprova più tardi.",
};
