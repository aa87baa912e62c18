//! Russian strings (formal "вы"; the agent's joining and leaving are phrased without a
//! past tense, which would need the agent's gender).

use std::collections::BTreeMap;

use super::en::{human_size, localized_units};
use super::plural::{east_slavic, Plural};
use super::{FileStrings, Strings};

/// CLDR Russian: `one` 1, 21, 101; `few` 2–4, 22–24; `many` 0, 5–20, 25, 111.
fn plural(n: u64, one: &str, few: &str, many: &str) -> String {
    let word = match east_slavic(n) {
        Plural::One => one,
        Plural::Few => few,
        _ => many,
    };
    format!("{n} {word}")
}

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("Оператор");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent} теперь в чате.")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent} больше не в чате."),
        "transfer.chat" | "routing.transferred" => "Чат передан другому оператору.".into(),
        "manual_archived_customer" => "Вы завершили чат.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => "Чат закрыт.".into(),
        _ => return None,
    })
}

/// Russian.
pub static RU: Strings = Strings {
    code: "ru",
    dir: "ltr",
    plural: east_slavic,
    widget_label: "Чат с поддержкой",
    title: "Напишите нам",
    subtitle_online: "Обычно отвечаем в течение нескольких минут",
    subtitle_offline: "Сейчас нас нет на месте. Оставьте сообщение.",
    launcher_open: "Открыть чат",
    launcher_close: "Свернуть чат",
    unread: |n| plural(u64::from(n), "непрочитанное сообщение", "непрочитанных сообщения", "непрочитанных сообщений"),
    agents_online: "операторы в сети",
    agents_offline: "операторы не в сети",
    minimise: "Свернуть чат",
    end_chat: "Завершить чат",
    end_chat_question: "Завершить этот чат?",
    end_chat_confirm: "Да, завершить",
    cancel: "Отмена",
    greeting_open: "Открыть чат",
    greeting_dismiss: "Скрыть",
    greeting_from: |agent| format!("Сообщение от: {agent}"),
    agent_fallback: "Оператор",
    you: "Вы",
    log_label: "Переписка",
    empty_chat: "Задайте любой вопрос. Мы всегда рады помочь.",
    load_earlier: "Загрузить предыдущие сообщения",
    typing_one: |agent| format!("{agent} печатает…"),
    typing_many: "Операторы печатают…",
    pending: "Отправка…",
    sent: "Отправлено",
    seen: "Прочитано",
    failed: "Не отправлено",
    retry: "Повторить",
    remove: "Удалить",
    image_fallback: "Изображение",
    file_fallback: "Файл",
    download: |name| format!("Скачать {name}"),
    new_tab: "(откроется в новой вкладке)",
    link_unavailable: "(ссылка недоступна)",
    form_sent: "Форма отправлена",
    quick_replies: "Быстрые ответы",
    webview_title: "Встроенная страница",
    webview_close: "Закрыть",
    system_message,
    composer_label: "Напишите сообщение",
    composer_placeholder: "Напишите сообщение…",
    send: "Отправить",
    message_parts: |n| {
        format!("Это длинное сообщение будет разделено на {}.", plural(n as u64, "часть", "части", "частей"))
    },
    composer_hint: "Enter — отправить, Shift+Enter — новая строка.",
    prechat_title: "Прежде чем начать, расскажите немного о себе",
    prechat_submit: "Начать чат",
    postchat_title: "Как прошёл чат?",
    postchat_submit: "Отправить отзыв",
    postchat_skip: "Пропустить",
    required: "(обязательно)",
    field_required: "Это поле обязательно.",
    email_invalid: "Введите корректный адрес электронной почты, например name@example.com.",
    choose_option: "Выберите…",
    queue_position: |n| format!("Ваше место в очереди: {n}."),
    queue_waiting: "Вы в очереди. Оператор скоро ответит вам.",
    queue_wait: |wait| format!("Примерное время ожидания: {wait}."),
    wait_under_minute: "меньше минуты",
    wait_minutes: |n| format!("около {}", plural(n, "минуты", "минут", "минут")),
    wait_hours: |n| format!("около {}", plural(n, "часа", "часов", "часов")),
    chat_ended: "Чат завершён.",
    start_new_chat: "Начать новый чат",
    postchat_thanks: "Спасибо за ваш отзыв!",
    connecting: "Подключение…",
    reconnecting_in: |s| format!("Соединение потеряно. Повторная попытка через {s} с…"),
    reconnecting: "Соединение потеряно. Переподключение…",
    offline: "Нет подключения к интернету. Чат переподключится, когда связь восстановится.",
    paused: "Чат приостановлен. Отправьте сообщение, чтобы переподключиться.",
    paused_busy: "Сейчас с нами общается очень много людей. Отправьте сообщение, чтобы попробовать ещё раз.",
    refused_sign_in: "Не удалось войти в чат.",
    refused_group: "Этот чат недоступен на этой странице.",
    refused_limit: "Сейчас чат не может принять больше посетителей.",
    refused_other: "Не удалось подключиться к чату.",
    try_again: "Попробовать снова",
    stopped_banned: "Вы больше не можете пользоваться этим чатом.",
    stopped_license: "Сейчас чат недоступен на этом сайте.",
    stopped_too_many: "Чат открыт в слишком многих окнах. Закройте некоторые из них и перезагрузите страницу.",
    stopped_version: "Чат обновился. Перезагрузите страницу.",
    stopped_closed: "Чат закрыт.",
    stopped_other: "Сейчас чат недоступен. Попробуйте позже.",
    files: FileStrings {
        attach: "Прикрепить файл",
        drop_here: "Перетащите файлы сюда, чтобы отправить их",
        tray_label: "Отправляемые файлы",
        queued: "Ожидает загрузки…",
        uploading: |name| format!("Загрузка файла {name}"),
        cancel: "Отменить",
        retry: "Повторить",
        remove: "Удалить",
        choose_again: "Выбрать файл заново",
        empty: "Файл пустой.",
        too_large: "Файл больше 10 МБ — это максимальный размер для отправки.",
        refused_type: "Файлы этого типа отправлять нельзя.",
        network: "Не удалось загрузить файл. Проверьте подключение и попробуйте снова.",
        timed_out: "Загрузка зависла. Попробуйте снова.",
        rejected: |message| format!("Файл не принят: {message}"),
        no_url: "Не удалось сохранить файл. Попробуйте снова.",
        interrupted: "Загрузка прервалась при перезагрузке страницы.",
        size: |bytes| localized_units(human_size(bytes, ","), "Б", "КБ", "МБ"),
    },
    unread_title: "Новое сообщение",
    rate_question: "Как прошёл этот чат?",
    rate_good: "Хорошо",
    rate_bad: "Плохо",
    rate_comment_label: "Добавьте комментарий (необязательно)",
    rate_send_comment: "Отправить комментарий",
    rate_remove: "Удалить оценку",
    rate_thanks: "Спасибо за оценку.",
    rate_failed: "Не удалось сохранить оценку. Попробуйте снова.",
    ticket_title: "Оставьте сообщение",
    ticket_submit: "Отправить сообщение",
    ticket_sending: "Отправка…",
    ticket_sent: "Спасибо! Мы получили ваше сообщение и ответим по электронной почте.",
    ticket_failed: "Не удалось отправить сообщение. Попробуйте снова.",
    continuous_note: "Сейчас нас нет на месте. Оставьте сообщение здесь — мы ответим в этом чате.",
    sound_on: "Включить звук ответов",
    sound_off: "Выключить звук ответов",
};
