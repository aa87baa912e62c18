//! Polish strings.

use std::collections::BTreeMap;

use super::en::human_size;
use super::plural::{one_few_rest, polish};
use super::{FileStrings, Strings};

/// Polish plural forms (CLDR `one`, `few`, `many`).
fn plural(n: u64, one: &str, few: &str, many: &str) -> String {
    one_few_rest(polish, n, one, few, many)
}

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("Konsultant");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent} dołącza do czatu.")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent} opuszcza czat."),
        "transfer.chat" | "routing.transferred" => "Czat przekazano innemu konsultantowi.".into(),
        "manual_archived_customer" => "Zakończono czat.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => "Czat został zamknięty.".into(),
        _ => return None,
    })
}

/// Polish.
pub static PL: Strings = Strings {
    code: "pl",
    dir: "ltr",
    plural: polish,
    widget_label: "Czat z obsługą klienta",
    title: "Porozmawiaj z nami",
    subtitle_online: "Zwykle odpowiadamy w kilka minut",
    subtitle_offline: "Nie ma nas teraz. Zostaw wiadomość.",
    launcher_open: "Otwórz czat",
    launcher_close: "Zminimalizuj czat",
    unread: |n| {
        plural(u64::from(n), "nieprzeczytana wiadomość", "nieprzeczytane wiadomości", "nieprzeczytanych wiadomości")
    },
    agents_online: "konsultanci dostępni",
    agents_offline: "konsultanci niedostępni",
    minimise: "Zminimalizuj czat",
    end_chat: "Zakończ czat",
    end_chat_question: "Zakończyć ten czat?",
    end_chat_confirm: "Tak, zakończ",
    cancel: "Anuluj",
    greeting_open: "Otwórz czat",
    greeting_dismiss: "Odrzuć",
    greeting_from: |agent| format!("Wiadomość od: {agent}"),
    agent_fallback: "Konsultant",
    you: "Ty",
    log_label: "Rozmowa",
    empty_chat: "Zapytaj o cokolwiek. Chętnie pomożemy.",
    load_earlier: "Wczytaj wcześniejsze wiadomości",
    typing_one: |agent| format!("{agent} pisze…"),
    typing_many: "Konsultanci piszą…",
    pending: "Wysyłanie…",
    sent: "Wysłano",
    seen: "Przeczytano",
    failed: "Nie wysłano",
    retry: "Ponów",
    remove: "Usuń",
    image_fallback: "Obraz",
    file_fallback: "Plik",
    download: |name| format!("Pobierz {name}"),
    new_tab: "(otwiera się w nowej karcie)",
    link_unavailable: "(link niedostępny)",
    form_sent: "Wysłano formularz",
    quick_replies: "Szybkie odpowiedzi",
    webview_title: "Osadzona strona",
    webview_close: "Zamknij",
    system_message,
    composer_label: "Napisz wiadomość",
    composer_placeholder: "Napisz wiadomość…",
    send: "Wyślij",
    message_parts: |n| {
        let parts = if n == 1 { "części" } else { "częściach" };
        format!("Ta długa wiadomość zostanie wysłana w {n} {parts}.")
    },
    composer_hint: "Enter wysyła, Shift+Enter dodaje nowy wiersz.",
    prechat_title: "Zanim zaczniemy, powiedz nam coś o sobie",
    prechat_submit: "Rozpocznij czat",
    postchat_title: "Jak oceniasz rozmowę?",
    postchat_submit: "Wyślij opinię",
    postchat_skip: "Pomiń",
    required: "(wymagane)",
    field_required: "To pole jest wymagane.",
    email_invalid: "Wpisz poprawny adres e-mail, np. imie@example.com.",
    choose_option: "Wybierz…",
    queue_position: |n| format!("Jesteś {n}. w kolejce."),
    queue_waiting: "Czekasz w kolejce. Konsultant zaraz się odezwie.",
    queue_wait: |wait| format!("Przewidywany czas oczekiwania: {wait}."),
    wait_under_minute: "mniej niż minuta",
    wait_minutes: |n| if n == 1 { "około 1 minuty".into() } else { format!("około {n} minut") },
    wait_hours: |n| if n == 1 { "około 1 godziny".into() } else { format!("około {n} godzin") },
    chat_ended: "Czat został zakończony.",
    start_new_chat: "Rozpocznij nowy czat",
    postchat_thanks: "Dziękujemy za opinię!",
    connecting: "Łączenie…",
    reconnecting_in: |s| format!("Utracono połączenie. Ponowna próba za {s} s…"),
    reconnecting: "Utracono połączenie. Łączenie ponownie…",
    offline: "Brak połączenia z internetem. Czat połączy się ponownie, gdy wróci sieć.",
    paused: "Czat wstrzymany. Wyślij wiadomość, aby połączyć się ponownie.",
    paused_busy: "Wiele osób rozmawia teraz z nami. Wyślij wiadomość, aby spróbować ponownie.",
    refused_sign_in: "Nie udało się zalogować do czatu.",
    refused_group: "Ten czat nie jest dostępny na tej stronie.",
    refused_limit: "Czat nie może teraz przyjąć więcej osób.",
    refused_other: "Nie udało się połączyć z czatem.",
    try_again: "Spróbuj ponownie",
    stopped_banned: "Nie możesz już korzystać z tego czatu.",
    stopped_license: "Czat jest teraz niedostępny na tej stronie.",
    stopped_too_many: "Czat jest otwarty w zbyt wielu oknach. Zamknij część z nich i odśwież stronę.",
    stopped_version: "Czat został zaktualizowany. Odśwież stronę.",
    stopped_closed: "Czat został zamknięty.",
    stopped_other: "Czat jest teraz niedostępny. Spróbuj ponownie później.",
    files: FileStrings {
        attach: "Załącz plik",
        drop_here: "Upuść pliki tutaj, aby je wysłać",
        tray_label: "Wysyłane pliki",
        queued: "Czeka na wysłanie…",
        uploading: |name| format!("Wysyłanie pliku {name}"),
        cancel: "Anuluj",
        retry: "Ponów",
        remove: "Usuń",
        choose_again: "Wybierz plik ponownie",
        empty: "Ten plik jest pusty.",
        too_large: "Ten plik ma więcej niż 10 MB, a tyle można wysłać najwyżej.",
        refused_type: "Plików tego typu nie można wysyłać.",
        network: "Wysyłanie nie powiodło się. Sprawdź połączenie i spróbuj ponownie.",
        timed_out: "Wysyłanie utknęło. Spróbuj ponownie.",
        rejected: |message| format!("Plik nie został przyjęty: {message}"),
        no_url: "Nie udało się zapisać pliku. Spróbuj ponownie.",
        interrupted: "Wysyłanie przerwało odświeżenie strony.",
        size: |bytes| human_size(bytes, ","),
    },
    unread_title: "Nowa wiadomość",
    rate_question: "Jak oceniasz tę rozmowę?",
    rate_good: "Dobrze",
    rate_bad: "Źle",
    rate_comment_label: "Dodaj komentarz (opcjonalnie)",
    rate_send_comment: "Wyślij komentarz",
    rate_remove: "Usuń ocenę",
    rate_thanks: "Dziękujemy za ocenę.",
    rate_failed: "Nie udało się zapisać oceny. Spróbuj ponownie.",
    ticket_title: "Zostaw wiadomość",
    ticket_submit: "Wyślij wiadomość",
    ticket_sending: "Wysyłanie…",
    ticket_sent: "Dziękujemy! Otrzymaliśmy wiadomość i odpowiemy e-mailem.",
    ticket_failed: "Nie udało się wysłać wiadomości. Spróbuj ponownie.",
    continuous_note: "Nie ma nas teraz. Zostaw wiadomość, odpowiemy w tej rozmowie.",
    sound_on: "Włącz dźwięk odpowiedzi",
    sound_off: "Wyłącz dźwięk odpowiedzi",
    transcript_download: "Pobierz zapis rozmowy",
    transcript_title: "Zapis rozmowy",
    chat_form_title: "Wypełnij ten formularz",
    chat_form_submit: "Wyślij",
};
