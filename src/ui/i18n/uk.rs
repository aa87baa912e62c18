//! Ukrainian strings (formal "ви"; the agent's joining and leaving are phrased without a
//! past tense, which would need the agent's gender).

use std::collections::BTreeMap;

use super::en::{human_size, localized_units};
use super::plural::{east_slavic, one_few_rest};
use super::{FileStrings, Strings};

/// CLDR Ukrainian: `one` 1, 21, 101; `few` 2–4, 22–24; `many` 0, 5–20, 25, 111.
fn plural(n: u64, one: &str, few: &str, many: &str) -> String {
    one_few_rest(east_slavic, n, one, few, many)
}

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("Оператор");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent} тепер у чаті.")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent} більше не в чаті."),
        "transfer.chat" | "routing.transferred" => "Чат передано іншому операторові.".into(),
        "manual_archived_customer" => "Ви завершили чат.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => "Чат закрито.".into(),
        _ => return None,
    })
}

/// Ukrainian.
pub static UK: Strings = Strings {
    code: "uk",
    dir: "ltr",
    plural: east_slavic,
    widget_label: "Чат із підтримкою",
    title: "Напишіть нам",
    subtitle_online: "Зазвичай відповідаємо за кілька хвилин",
    subtitle_offline: "Зараз нас немає на місці. Залиште повідомлення.",
    launcher_open: "Відкрити чат",
    launcher_close: "Згорнути чат",
    unread: |n| {
        plural(u64::from(n), "непрочитане повідомлення", "непрочитані повідомлення", "непрочитаних повідомлень")
    },
    agents_online: "оператори в мережі",
    agents_offline: "оператори не в мережі",
    minimise: "Згорнути чат",
    end_chat: "Завершити чат",
    end_chat_question: "Завершити цей чат?",
    end_chat_confirm: "Так, завершити",
    cancel: "Скасувати",
    greeting_open: "Відкрити чат",
    greeting_dismiss: "Приховати",
    greeting_from: |agent| format!("Повідомлення від: {agent}"),
    agent_fallback: "Оператор",
    you: "Ви",
    log_label: "Листування",
    empty_chat: "Запитуйте про будь-що. Ми завжди раді допомогти.",
    load_earlier: "Завантажити попередні повідомлення",
    typing_one: |agent| format!("{agent} друкує…"),
    typing_many: "Оператори друкують…",
    pending: "Надсилання…",
    sent: "Надіслано",
    seen: "Прочитано",
    failed: "Не надіслано",
    retry: "Повторити",
    remove: "Видалити",
    image_fallback: "Зображення",
    file_fallback: "Файл",
    download: |name| format!("Завантажити {name}"),
    new_tab: "(відкриється в новій вкладці)",
    link_unavailable: "(посилання недоступне)",
    form_sent: "Форму надіслано",
    quick_replies: "Швидкі відповіді",
    webview_title: "Вбудована сторінка",
    webview_close: "Закрити",
    system_message,
    composer_label: "Напишіть повідомлення",
    composer_placeholder: "Напишіть повідомлення…",
    send: "Надіслати",
    message_parts: |n| {
        format!("Це довге повідомлення буде розділено на {}.", plural(n as u64, "частину", "частини", "частин"))
    },
    composer_hint: "Enter — надіслати, Shift+Enter — новий рядок.",
    prechat_title: "Перш ніж почати, розкажіть трохи про себе",
    prechat_submit: "Почати чат",
    postchat_title: "Як пройшов чат?",
    postchat_submit: "Надіслати відгук",
    postchat_skip: "Пропустити",
    required: "(обов’язково)",
    field_required: "Це поле обов’язкове.",
    email_invalid: "Введіть правильну адресу електронної пошти, наприклад name@example.com.",
    choose_option: "Виберіть…",
    queue_position: |n| format!("Ваше місце в черзі: {n}."),
    queue_waiting: "Ви в черзі. Оператор незабаром вам відповість.",
    queue_wait: |wait| format!("Орієнтовний час очікування: {wait}."),
    wait_under_minute: "менше хвилини",
    wait_minutes: |n| format!("приблизно {}", plural(n, "хвилина", "хвилини", "хвилин")),
    wait_hours: |n| format!("приблизно {}", plural(n, "година", "години", "годин")),
    chat_ended: "Чат завершено.",
    start_new_chat: "Почати новий чат",
    postchat_thanks: "Дякуємо за ваш відгук!",
    connecting: "Підключення…",
    reconnecting_in: |s| format!("З’єднання втрачено. Повторна спроба через {s} с…"),
    reconnecting: "З’єднання втрачено. Повторне підключення…",
    offline: "Немає підключення до інтернету. Чат підключиться знову, щойно зв’язок відновиться.",
    paused: "Чат призупинено. Надішліть повідомлення, щоб підключитися знову.",
    paused_busy: "Зараз із нами спілкується дуже багато людей. Надішліть повідомлення, щоб спробувати ще раз.",
    refused_sign_in: "Не вдалося увійти в чат.",
    refused_group: "Цей чат недоступний на цій сторінці.",
    refused_limit: "Зараз чат не може прийняти більше відвідувачів.",
    refused_other: "Не вдалося підключитися до чату.",
    try_again: "Спробувати ще раз",
    stopped_banned: "Ви більше не можете користуватися цим чатом.",
    stopped_license: "Зараз чат недоступний на цьому сайті.",
    stopped_too_many: "Чат відкрито в надто багатьох вікнах. Закрийте деякі з них і перезавантажте сторінку.",
    stopped_version: "Чат оновлено. Перезавантажте сторінку.",
    stopped_closed: "Чат закрито.",
    stopped_other: "Зараз чат недоступний. Спробуйте пізніше.",
    files: FileStrings {
        attach: "Прикріпити файл",
        drop_here: "Перетягніть файли сюди, щоб надіслати їх",
        tray_label: "Файли, що надсилаються",
        queued: "Очікує завантаження…",
        uploading: |name| format!("Завантаження файлу {name}"),
        cancel: "Скасувати",
        retry: "Повторити",
        remove: "Видалити",
        choose_again: "Вибрати файл знову",
        empty: "Файл порожній.",
        too_large: "Файл більший за 10 МБ — це максимальний розмір для надсилання.",
        refused_type: "Файли цього типу надсилати не можна.",
        network: "Не вдалося завантажити файл. Перевірте підключення й спробуйте ще раз.",
        timed_out: "Завантаження зависло. Спробуйте ще раз.",
        rejected: |message| format!("Файл не прийнято: {message}"),
        no_url: "Не вдалося зберегти файл. Спробуйте ще раз.",
        interrupted: "Завантаження перервалося під час перезавантаження сторінки.",
        size: |bytes| localized_units(human_size(bytes, ","), "Б", "КБ", "МБ"),
    },
    unread_title: "Нове повідомлення",
    rate_question: "Як пройшов цей чат?",
    rate_good: "Добре",
    rate_bad: "Погано",
    rate_comment_label: "Додайте коментар (необов’язково)",
    rate_send_comment: "Надіслати коментар",
    rate_remove: "Видалити оцінку",
    rate_thanks: "Дякуємо за оцінку.",
    rate_failed: "Не вдалося зберегти оцінку. Спробуйте ще раз.",
    ticket_title: "Залиште повідомлення",
    ticket_submit: "Надіслати повідомлення",
    ticket_sending: "Надсилання…",
    ticket_sent: "Дякуємо! Ми отримали ваше повідомлення й відповімо електронною поштою.",
    ticket_failed: "Не вдалося надіслати повідомлення. Спробуйте ще раз.",
    continuous_note: "Зараз нас немає на місці. Залиште повідомлення тут — ми відповімо в цьому чаті.",
    sound_on: "Увімкнути звук відповідей",
    sound_off: "Вимкнути звук відповідей",
    transcript_download: "Завантажити запис чату",
    transcript_title: "Запис чату",
    chat_form_title: "Заповніть, будь ласка, цю форму",
    chat_form_submit: "Надіслати",
};
