//! Czech strings (formal "vy"; the agent's joining and leaving are phrased without a
//! past tense, which would need the agent's gender).

use std::collections::BTreeMap;

use super::en::human_size;
use super::plural::{czech, Plural};
use super::{FileStrings, Strings};

/// CLDR Czech: `one` 1, `few` 2–4, `other` the rest (0, 5, 22, 101).
fn plural(n: u64, one: &str, few: &str, other: &str) -> String {
    let word = match czech(n) {
        Plural::One => one,
        Plural::Few => few,
        _ => other,
    };
    format!("{n} {word}")
}

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("Operátor");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent} je nyní v chatu.")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent} už v chatu není."),
        "transfer.chat" | "routing.transferred" => "Chat byl předán jinému operátorovi.".into(),
        "manual_archived_customer" => "Chat jste ukončili.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => "Chat byl uzavřen.".into(),
        _ => return None,
    })
}

/// Czech.
pub static CS: Strings = Strings {
    code: "cs",
    dir: "ltr",
    plural: czech,
    widget_label: "Zákaznický chat",
    title: "Napište nám",
    subtitle_online: "Obvykle odpovídáme během několika minut",
    subtitle_offline: "Teď tu nejsme. Nechte nám zprávu.",
    launcher_open: "Otevřít chat",
    launcher_close: "Minimalizovat chat",
    unread: |n| plural(u64::from(n), "nepřečtená zpráva", "nepřečtené zprávy", "nepřečtených zpráv"),
    agents_online: "operátoři online",
    agents_offline: "operátoři nejsou k dispozici",
    minimise: "Minimalizovat chat",
    end_chat: "Ukončit chat",
    end_chat_question: "Ukončit tento chat?",
    end_chat_confirm: "Ano, ukončit",
    cancel: "Zrušit",
    greeting_open: "Otevřít chat",
    greeting_dismiss: "Zavřít",
    greeting_from: |agent| format!("Zpráva od: {agent}"),
    agent_fallback: "Operátor",
    you: "Vy",
    log_label: "Konverzace",
    empty_chat: "Zeptejte se nás na cokoli. Rádi pomůžeme.",
    load_earlier: "Načíst starší zprávy",
    typing_one: |agent| format!("{agent} píše…"),
    typing_many: "Operátoři píšou…",
    pending: "Odesílá se…",
    sent: "Odesláno",
    seen: "Přečteno",
    failed: "Neodesláno",
    retry: "Zkusit znovu",
    remove: "Odstranit",
    image_fallback: "Obrázek",
    file_fallback: "Soubor",
    download: |name| format!("Stáhnout {name}"),
    new_tab: "(otevře se na nové kartě)",
    link_unavailable: "(odkaz není k dispozici)",
    form_sent: "Formulář odeslán",
    quick_replies: "Rychlé odpovědi",
    webview_title: "Vložená stránka",
    webview_close: "Zavřít",
    system_message,
    composer_label: "Napište zprávu",
    composer_placeholder: "Napište zprávu…",
    send: "Odeslat",
    message_parts: |n| {
        format!("Tato dlouhá zpráva se odešle rozdělená na {}.", plural(n as u64, "část", "části", "částí"))
    },
    composer_hint: "Enter odešle zprávu, Shift+Enter přidá nový řádek.",
    prechat_title: "Než začneme, řekněte nám něco o sobě",
    prechat_submit: "Zahájit chat",
    postchat_title: "Jak jste byli s chatem spokojeni?",
    postchat_submit: "Odeslat hodnocení",
    postchat_skip: "Přeskočit",
    required: "(povinné)",
    field_required: "Toto pole je povinné.",
    email_invalid: "Zadejte platnou e-mailovou adresu, například jmeno@example.com.",
    choose_option: "Vyberte…",
    queue_position: |n| format!("Vaše pořadí ve frontě: {n}."),
    queue_waiting: "Jste ve frontě. Operátor se vám bude brzy věnovat.",
    queue_wait: |wait| format!("Předpokládaná doba čekání: {wait}."),
    wait_under_minute: "méně než minuta",
    wait_minutes: |n| format!("asi {}", plural(n, "minuta", "minuty", "minut")),
    wait_hours: |n| format!("asi {}", plural(n, "hodina", "hodiny", "hodin")),
    chat_ended: "Chat byl ukončen.",
    start_new_chat: "Zahájit nový chat",
    postchat_thanks: "Děkujeme za vaše hodnocení!",
    connecting: "Připojování…",
    reconnecting_in: |s| format!("Spojení bylo přerušeno. Další pokus za {s} s…"),
    reconnecting: "Spojení bylo přerušeno. Znovu se připojujeme…",
    offline: "Jste offline. Chat se znovu připojí, jakmile budete zase online.",
    paused: "Chat je pozastaven. Pošlete zprávu a znovu se připojíme.",
    paused_busy: "Právě s námi chatuje hodně lidí. Pošlete zprávu a zkusíme to znovu.",
    refused_sign_in: "Chat vás nemohl přihlásit.",
    refused_group: "Tento chat na této stránce není k dispozici.",
    refused_limit: "Chat teď nemůže přijmout další návštěvníky.",
    refused_other: "Chat se nepodařilo připojit.",
    try_again: "Zkusit znovu",
    stopped_banned: "Tento chat už nemůžete používat.",
    stopped_license: "Chat teď na tomto webu není k dispozici.",
    stopped_too_many: "Chat je otevřený v příliš mnoha oknech. Některá zavřete a načtěte stránku znovu.",
    stopped_version: "Chat byl aktualizován. Načtěte prosím stránku znovu.",
    stopped_closed: "Chat byl uzavřen.",
    stopped_other: "Chat teď není k dispozici. Zkuste to prosím později.",
    files: FileStrings {
        attach: "Přiložit soubor",
        drop_here: "Přetáhněte sem soubory k odeslání",
        tray_label: "Odesílané soubory",
        queued: "Čeká na nahrání…",
        uploading: |name| format!("Nahrává se {name}"),
        cancel: "Zrušit",
        retry: "Zkusit znovu",
        remove: "Odstranit",
        choose_again: "Vybrat soubor znovu",
        empty: "Tento soubor je prázdný.",
        too_large: "Tento soubor je větší než 10 MB, což je maximální povolená velikost.",
        refused_type: "Soubory tohoto typu nelze odeslat.",
        network: "Nahrávání se nezdařilo. Zkontrolujte připojení a zkuste to znovu.",
        timed_out: "Nahrávání se zaseklo. Zkuste to znovu.",
        rejected: |message| format!("Soubor nebyl přijat: {message}"),
        no_url: "Soubor se nepodařilo uložit. Zkuste to znovu.",
        interrupted: "Nahrávání se přerušilo, když se stránka znovu načetla.",
        size: |bytes| human_size(bytes, ","),
    },
    unread_title: "Nová zpráva",
    rate_question: "Jak jste byli s tímto chatem spokojeni?",
    rate_good: "Dobrý",
    rate_bad: "Špatný",
    rate_comment_label: "Přidat komentář (nepovinné)",
    rate_send_comment: "Odeslat komentář",
    rate_remove: "Odebrat hodnocení",
    rate_thanks: "Děkujeme za hodnocení.",
    rate_failed: "Hodnocení se nepodařilo uložit. Zkuste to znovu.",
    ticket_title: "Zanechte nám zprávu",
    ticket_submit: "Odeslat zprávu",
    ticket_sending: "Odesílá se…",
    ticket_sent: "Děkujeme! Vaši zprávu jsme dostali a odpovíme vám e-mailem.",
    ticket_failed: "Zprávu se nepodařilo odeslat. Zkuste to znovu.",
    continuous_note: "Teď tu nejsme. Nechte nám zde zprávu a odpovíme vám v tomto chatu.",
    sound_on: "Zapnout zvuk odpovědí",
    sound_off: "Vypnout zvuk odpovědí",
};
