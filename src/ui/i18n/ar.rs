//! Arabic strings (Modern Standard Arabic, right to left). Buttons use the verbal noun
//! ("فتح الدردشة"), as Arabic interfaces do; numbers are written in Western digits, like
//! the launcher's badge.

use std::collections::BTreeMap;

use super::en::human_size;
use super::plural::{arabic, Plural};
use super::{FileStrings, Strings};

/// CLDR Arabic's six categories: `forms` are zero, one, two, few (3–10), many (11–99)
/// and other (100–102, …); `{n}` stands for the number.
fn plural(n: u64, forms: [&str; 6]) -> String {
    let form = match arabic(n) {
        Plural::Zero => forms[0],
        Plural::One => forms[1],
        Plural::Two => forms[2],
        Plural::Few => forms[3],
        Plural::Many => forms[4],
        Plural::Other => forms[5],
    };
    form.replace("{n}", &n.to_string())
}

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("موظف الدعم");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("انضم {agent} إلى الدردشة.")
        }
        "routing.unassigned" | "agent_removed" => format!("غادر {agent} الدردشة."),
        "transfer.chat" | "routing.transferred" => "تم تحويل الدردشة إلى موظف آخر.".into(),
        "manual_archived_customer" => "أنهيت الدردشة.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => "تم إغلاق الدردشة.".into(),
        _ => return None,
    })
}

/// Arabic.
pub static AR: Strings = Strings {
    code: "ar",
    dir: "rtl",
    plural: arabic,
    widget_label: "دردشة خدمة العملاء",
    title: "تحدّث معنا",
    subtitle_online: "نرد عادةً خلال دقائق قليلة",
    subtitle_offline: "لسنا متاحين الآن. اترك لنا رسالة.",
    launcher_open: "فتح الدردشة",
    launcher_close: "تصغير الدردشة",
    unread: |n| {
        plural(
            u64::from(n),
            [
                "لا توجد رسائل غير مقروءة",
                "رسالة واحدة غير مقروءة",
                "رسالتان غير مقروءتين",
                "{n} رسائل غير مقروءة",
                "{n} رسالة غير مقروءة",
                "{n} رسالة غير مقروءة",
            ],
        )
    },
    agents_online: "فريق الدعم متاح",
    agents_offline: "فريق الدعم غير متاح",
    minimise: "تصغير الدردشة",
    end_chat: "إنهاء الدردشة",
    end_chat_question: "هل تريد إنهاء هذه الدردشة؟",
    end_chat_confirm: "نعم، إنهاء الدردشة",
    cancel: "إلغاء",
    greeting_open: "فتح الدردشة",
    greeting_dismiss: "تجاهل",
    greeting_from: |agent| format!("رسالة من {agent}"),
    agent_fallback: "موظف الدعم",
    you: "أنت",
    log_label: "المحادثة",
    empty_chat: "اسألنا عن أي شيء. نحن هنا لمساعدتك.",
    load_earlier: "تحميل الرسائل السابقة",
    typing_one: |agent| format!("{agent} يكتب…"),
    typing_many: "موظفو الدعم يكتبون…",
    pending: "جارٍ الإرسال…",
    sent: "تم الإرسال",
    seen: "تمت القراءة",
    failed: "لم يتم الإرسال",
    retry: "إعادة المحاولة",
    remove: "إزالة",
    image_fallback: "صورة",
    file_fallback: "ملف",
    download: |name| format!("تنزيل {name}"),
    new_tab: "(يفتح في علامة تبويب جديدة)",
    link_unavailable: "(الرابط غير متاح)",
    form_sent: "تم إرسال النموذج",
    quick_replies: "ردود سريعة",
    webview_title: "صفحة مضمّنة",
    webview_close: "إغلاق",
    system_message,
    composer_label: "اكتب رسالة",
    composer_placeholder: "اكتب رسالة…",
    send: "إرسال",
    message_parts: |n| {
        let parts = plural(n as u64, ["{n} جزء", "جزء واحد", "جزأين", "{n} أجزاء", "{n} جزءًا", "{n} جزء"]);
        format!("ستُرسل هذه الرسالة الطويلة مقسّمة إلى {parts}.")
    },
    composer_hint: "اضغط Enter للإرسال وShift+Enter لسطر جديد.",
    prechat_title: "قبل أن نبدأ، أخبرنا قليلًا عن نفسك",
    prechat_submit: "بدء الدردشة",
    postchat_title: "كيف كانت تجربتك في الدردشة؟",
    postchat_submit: "إرسال التقييم",
    postchat_skip: "تخطي",
    required: "(مطلوب)",
    field_required: "هذا الحقل مطلوب.",
    email_invalid: "أدخل عنوان بريد إلكتروني صالحًا، مثل name@example.com.",
    choose_option: "اختر…",
    queue_position: |n| format!("ترتيبك في قائمة الانتظار: {n}."),
    queue_waiting: "أنت في قائمة الانتظار. سيتواصل معك أحد موظفي الدعم قريبًا.",
    queue_wait: |wait| format!("مدة الانتظار المتوقعة: {wait}."),
    wait_under_minute: "أقل من دقيقة",
    wait_minutes: |n| {
        let minutes = plural(n, ["{n} دقيقة", "دقيقة واحدة", "دقيقتين", "{n} دقائق", "{n} دقيقة", "{n} دقيقة"]);
        format!("حوالي {minutes}")
    },
    wait_hours: |n| {
        let hours = plural(n, ["{n} ساعة", "ساعة واحدة", "ساعتين", "{n} ساعات", "{n} ساعة", "{n} ساعة"]);
        format!("حوالي {hours}")
    },
    chat_ended: "انتهت الدردشة.",
    start_new_chat: "بدء دردشة جديدة",
    postchat_thanks: "شكرًا لك على تقييمك!",
    connecting: "جارٍ الاتصال…",
    reconnecting_in: |s| {
        let seconds = plural(s, ["{n} ثانية", "ثانية واحدة", "ثانيتين", "{n} ثوانٍ", "{n} ثانية", "{n} ثانية"]);
        format!("انقطع الاتصال. ستتم إعادة المحاولة خلال {seconds}…")
    },
    reconnecting: "انقطع الاتصال. جارٍ إعادة الاتصال…",
    offline: "أنت غير متصل بالإنترنت. ستتصل الدردشة من جديد عند عودة الاتصال.",
    paused: "الدردشة متوقفة مؤقتًا. أرسل رسالة لإعادة الاتصال.",
    paused_busy: "يتحدث معنا عدد كبير من الأشخاص الآن. أرسل رسالة لإعادة المحاولة.",
    refused_sign_in: "تعذّر تسجيل دخولك إلى الدردشة.",
    refused_group: "هذه الدردشة غير متاحة في هذه الصفحة.",
    refused_limit: "لا يمكن للدردشة استقبال مزيد من الزوار حاليًا.",
    refused_other: "تعذّر الاتصال بالدردشة.",
    try_again: "إعادة المحاولة",
    stopped_banned: "لم يعد بإمكانك استخدام هذه الدردشة.",
    stopped_license: "هذه الدردشة غير متاحة على هذا الموقع حاليًا.",
    stopped_too_many: "الدردشة مفتوحة في عدد كبير جدًا من النوافذ. أغلق بعضها ثم أعد تحميل الصفحة.",
    stopped_version: "تم تحديث هذه الدردشة. يُرجى إعادة تحميل الصفحة.",
    stopped_closed: "تم إغلاق الدردشة.",
    stopped_other: "الدردشة غير متاحة حاليًا. يُرجى المحاولة لاحقًا.",
    files: FileStrings {
        attach: "إرفاق ملف",
        drop_here: "أفلت الملفات هنا لإرسالها",
        tray_label: "الملفات قيد الإرسال",
        queued: "في انتظار الرفع…",
        uploading: |name| format!("جارٍ رفع {name}"),
        cancel: "إلغاء",
        retry: "إعادة المحاولة",
        remove: "إزالة",
        choose_again: "اختيار الملف مرة أخرى",
        empty: "هذا الملف فارغ.",
        too_large: "حجم هذا الملف أكبر من 10 MB، وهو الحد الأقصى المسموح بإرساله.",
        refused_type: "لا يمكن إرسال ملفات من هذا النوع.",
        network: "تعذّر رفع الملف. تحقق من اتصالك وحاول مرة أخرى.",
        timed_out: "توقف رفع الملف. حاول مرة أخرى.",
        rejected: |message| format!("لم يُقبل الملف: {message}"),
        no_url: "تعذّر حفظ الملف. حاول مرة أخرى.",
        interrupted: "توقف رفع الملف عند إعادة تحميل الصفحة.",
        size: |bytes| human_size(bytes, "."),
    },
    unread_title: "رسالة جديدة",
    rate_question: "كيف كانت هذه الدردشة؟",
    rate_good: "جيدة",
    rate_bad: "سيئة",
    rate_comment_label: "أضف تعليقًا (اختياري)",
    rate_send_comment: "إرسال التعليق",
    rate_remove: "إزالة التقييم",
    rate_thanks: "شكرًا لك على تقييمك.",
    rate_failed: "تعذّر حفظ تقييمك. حاول مرة أخرى.",
    ticket_title: "اترك رسالة",
    ticket_submit: "إرسال الرسالة",
    ticket_sending: "جارٍ الإرسال…",
    ticket_sent: "شكرًا! تلقينا رسالتك وسنرد عليك عبر البريد الإلكتروني.",
    ticket_failed: "تعذّر إرسال رسالتك. حاول مرة أخرى.",
    continuous_note: "لسنا متاحين الآن. اترك رسالة هنا وسنرد عليك في هذه الدردشة.",
    sound_on: "تشغيل صوت الردود",
    sound_off: "إيقاف صوت الردود",
    transcript_download: "تنزيل نص المحادثة",
    transcript_title: "نص المحادثة",
    chat_form_title: "يرجى ملء هذا النموذج",
    chat_form_submit: "إرسال",
};
