//! Hebrew strings (right to left). Buttons use the verbal noun ("פתיחת הצ׳אט") and the
//! visitor is addressed in the plural or without a verb, the gender-neutral forms Hebrew
//! interfaces use; an agent's verb takes both forms ("הצטרף/ה").

use std::collections::BTreeMap;

use super::en::human_size;
use super::plural::{hebrew, Plural};
use super::{FileStrings, Strings};

/// CLDR Hebrew: `forms` are one, two and other; `{n}` stands for the number.
fn plural(n: u64, forms: [&str; 3]) -> String {
    let form = match hebrew(n) {
        Plural::One => forms[0],
        Plural::Two => forms[1],
        _ => forms[2],
    };
    form.replace("{n}", &n.to_string())
}

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("נציג");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent} הצטרף/ה לצ׳אט.")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent} יצא/ה מהצ׳אט."),
        "transfer.chat" | "routing.transferred" => "הצ׳אט הועבר לנציג אחר.".into(),
        "manual_archived_customer" => "סיימת את הצ׳אט.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => "הצ׳אט נסגר.".into(),
        _ => return None,
    })
}

/// Hebrew.
pub static HE: Strings = Strings {
    code: "he",
    dir: "rtl",
    plural: hebrew,
    widget_label: "צ׳אט שירות לקוחות",
    title: "דברו איתנו",
    subtitle_online: "בדרך כלל אנחנו עונים תוך כמה דקות",
    subtitle_offline: "אנחנו לא זמינים כרגע. אפשר להשאיר לנו הודעה.",
    launcher_open: "פתיחת הצ׳אט",
    launcher_close: "מזעור הצ׳אט",
    unread: |n| plural(u64::from(n), ["הודעה אחת שלא נקראה", "שתי הודעות שלא נקראו", "{n} הודעות שלא נקראו"]),
    agents_online: "נציגים זמינים",
    agents_offline: "אין נציגים זמינים",
    minimise: "מזעור הצ׳אט",
    end_chat: "סיום הצ׳אט",
    end_chat_question: "לסיים את הצ׳אט?",
    end_chat_confirm: "כן, לסיים",
    cancel: "ביטול",
    greeting_open: "פתיחת הצ׳אט",
    greeting_dismiss: "סגירה",
    greeting_from: |agent| format!("הודעה מאת {agent}"),
    agent_fallback: "נציג שירות",
    you: "אני",
    log_label: "שיחה",
    empty_chat: "אפשר לשאול אותנו כל דבר. אנחנו כאן כדי לעזור.",
    load_earlier: "טעינת הודעות קודמות",
    typing_one: |agent| format!("{agent} מקליד/ה…"),
    typing_many: "נציגים מקלידים…",
    pending: "בשליחה…",
    sent: "נשלחה",
    seen: "נקראה",
    failed: "לא נשלחה",
    retry: "ניסיון חוזר",
    remove: "הסרה",
    image_fallback: "תמונה",
    file_fallback: "קובץ",
    download: |name| format!("הורדת {name}"),
    new_tab: "(נפתח בכרטיסייה חדשה)",
    link_unavailable: "(הקישור לא זמין)",
    form_sent: "הטופס נשלח",
    quick_replies: "תשובות מהירות",
    webview_title: "דף מוטמע",
    webview_close: "סגירה",
    system_message,
    composer_label: "כתיבת הודעה",
    composer_placeholder: "כתיבת הודעה…",
    send: "שליחה",
    message_parts: |n| {
        let parts = plural(n as u64, ["בחלק אחד", "בשני חלקים", "ב־{n} חלקים"]);
        format!("ההודעה הארוכה הזו תישלח {parts}.")
    },
    composer_hint: "Enter לשליחה, Shift+Enter לשורה חדשה.",
    prechat_title: "לפני שנתחיל, ספרו לנו קצת על עצמכם",
    prechat_submit: "התחלת הצ׳אט",
    postchat_title: "איך היה הצ׳אט?",
    postchat_submit: "שליחת משוב",
    postchat_skip: "דילוג",
    required: "(שדה חובה)",
    field_required: "זהו שדה חובה.",
    email_invalid: "יש להזין כתובת אימייל תקינה, למשל name@example.com.",
    choose_option: "בחירה…",
    queue_position: |n| format!("המקום שלך בתור: {n}."),
    queue_waiting: "הפנייה שלך בתור. נציג יחזור אליך בקרוב.",
    queue_wait: |wait| format!("זמן ההמתנה המשוער: {wait}."),
    wait_under_minute: "פחות מדקה",
    wait_minutes: |n| plural(n, ["כדקה", "כשתי דקות", "כ־{n} דקות"]),
    wait_hours: |n| plural(n, ["כשעה", "כשעתיים", "כ־{n} שעות"]),
    chat_ended: "הצ׳אט הסתיים.",
    start_new_chat: "התחלת צ׳אט חדש",
    postchat_thanks: "תודה על המשוב!",
    connecting: "מתבצע חיבור…",
    reconnecting_in: |s| format!("החיבור נותק. ניסיון חוזר בעוד {s} שנ׳…"),
    reconnecting: "החיבור נותק. מתבצע חיבור מחדש…",
    offline: "אין חיבור לאינטרנט. הצ׳אט יתחבר מחדש כשהחיבור יחזור.",
    paused: "הצ׳אט מושהה. כדי להתחבר מחדש, שלחו הודעה.",
    paused_busy: "הרבה אנשים מדברים איתנו כרגע. כדי לנסות שוב, שלחו הודעה.",
    refused_sign_in: "ההתחברות לצ׳אט נכשלה.",
    refused_group: "הצ׳אט הזה לא זמין בדף הזה.",
    refused_limit: "הצ׳אט לא יכול לקבל עוד מבקרים כרגע.",
    refused_other: "לא ניתן להתחבר לצ׳אט.",
    try_again: "לנסות שוב",
    stopped_banned: "אין לך אפשרות להשתמש בצ׳אט הזה יותר.",
    stopped_license: "הצ׳אט לא זמין באתר הזה כרגע.",
    stopped_too_many: "הצ׳אט פתוח ביותר מדי חלונות. יש לסגור חלק מהם ולטעון מחדש את הדף.",
    stopped_version: "הצ׳אט עודכן. יש לטעון מחדש את הדף.",
    stopped_closed: "הצ׳אט נסגר.",
    stopped_other: "הצ׳אט לא זמין כרגע. כדאי לנסות שוב מאוחר יותר.",
    files: FileStrings {
        attach: "צירוף קובץ",
        drop_here: "גררו לכאן קבצים כדי לשלוח אותם",
        tray_label: "קבצים בשליחה",
        queued: "ממתין להעלאה…",
        uploading: |name| format!("העלאת {name}"),
        cancel: "ביטול",
        retry: "ניסיון חוזר",
        remove: "הסרה",
        choose_again: "בחירת הקובץ מחדש",
        empty: "הקובץ הזה ריק.",
        too_large: "הקובץ גדול מ־10 MB, הגודל המרבי שאפשר לשלוח.",
        refused_type: "אי אפשר לשלוח קבצים מהסוג הזה.",
        network: "ההעלאה נכשלה. כדאי לבדוק את החיבור ולנסות שוב.",
        timed_out: "ההעלאה נתקעה. כדאי לנסות שוב.",
        rejected: |message| format!("הקובץ לא התקבל: {message}"),
        no_url: "לא ניתן היה לשמור את הקובץ. כדאי לנסות שוב.",
        interrupted: "ההעלאה נעצרה כשהדף נטען מחדש.",
        size: |bytes| human_size(bytes, "."),
    },
    unread_title: "הודעה חדשה",
    rate_question: "איך היה הצ׳אט הזה?",
    rate_good: "טוב",
    rate_bad: "לא טוב",
    rate_comment_label: "הוספת תגובה (לא חובה)",
    rate_send_comment: "שליחת התגובה",
    rate_remove: "הסרת הדירוג",
    rate_thanks: "תודה על הדירוג.",
    rate_failed: "לא ניתן היה לשמור את הדירוג. כדאי לנסות שוב.",
    ticket_title: "השארת הודעה",
    ticket_submit: "שליחת ההודעה",
    ticket_sending: "בשליחה…",
    ticket_sent: "תודה! קיבלנו את ההודעה ונחזור אליך באימייל.",
    ticket_failed: "לא ניתן היה לשלוח את ההודעה. כדאי לנסות שוב.",
    continuous_note: "אנחנו לא זמינים כרגע. אפשר להשאיר כאן הודעה, ונענה בצ׳אט הזה.",
    sound_on: "הפעלת צליל התשובות",
    sound_off: "כיבוי צליל התשובות",
    transcript_download: "הורדת תמליל השיחה",
    transcript_title: "תמליל השיחה",
    chat_form_title: "נא למלא את הטופס",
    chat_form_submit: "שליחה",
};
