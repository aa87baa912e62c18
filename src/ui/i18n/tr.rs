//! Turkish strings (formal "siz"). A noun after a number stays singular in Turkish
//! ("5 mesaj"), so CLDR's `one` and `other` share one word form.

use std::collections::BTreeMap;

use super::plural::one_other;
use super::Strings;

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("Bir temsilci");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent} sohbete katıldı.")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent} sohbetten ayrıldı."),
        "transfer.chat" | "routing.transferred" => "Sohbet başka bir temsilciye aktarıldı.".into(),
        "manual_archived_customer" => "Sohbeti sonlandırdınız.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => "Sohbet kapatıldı.".into(),
        _ => return None,
    })
}

/// Turkish.
pub static TR: Strings = Strings {
    code: "tr",
    dir: "ltr",
    plural: one_other,
    widget_label: "Müşteri sohbeti",
    title: "Bizimle sohbet edin",
    subtitle_online: "Genellikle birkaç dakika içinde yanıt veririz",
    subtitle_offline: "Şu anda burada değiliz. Bize mesaj bırakın.",
    launcher_open: "Sohbeti aç",
    launcher_close: "Sohbeti küçült",
    unread: |n| format!("{n} okunmamış mesaj"),
    agents_online: "temsilciler çevrimiçi",
    agents_offline: "temsilciler müsait değil",
    minimise: "Sohbeti küçült",
    end_chat: "Sohbeti bitir",
    end_chat_question: "Bu sohbet sonlandırılsın mı?",
    end_chat_confirm: "Evet, bitir",
    cancel: "İptal",
    greeting_open: "Sohbeti aç",
    greeting_dismiss: "Kapat",
    greeting_from: |agent| format!("{agent} tarafından gönderilen mesaj"),
    agent_fallback: "Temsilci",
    you: "Siz",
    log_label: "Sohbet geçmişi",
    empty_chat: "Aklınıza takılan her şeyi sorabilirsiniz. Yardım etmek için buradayız.",
    load_earlier: "Önceki mesajları yükle",
    typing_one: |agent| format!("{agent} yazıyor…"),
    typing_many: "Temsilciler yazıyor…",
    pending: "Gönderiliyor…",
    sent: "Gönderildi",
    seen: "Görüldü",
    failed: "Gönderilemedi",
    retry: "Tekrar dene",
    remove: "Kaldır",
    image_fallback: "Görsel",
    file_fallback: "Dosya",
    download: |name| format!("{name} dosyasını indir"),
    new_tab: "(yeni sekmede açılır)",
    link_unavailable: "(bağlantı kullanılamıyor)",
    form_sent: "Form gönderildi",
    quick_replies: "Hızlı yanıtlar",
    webview_title: "Gömülü sayfa",
    webview_close: "Kapat",
    system_message,
    composer_label: "Bir mesaj yazın",
    composer_placeholder: "Bir mesaj yazın…",
    send: "Gönder",
    message_parts: |n| format!("Bu uzun mesaj {n} parça halinde gönderilecek."),
    composer_hint: "Göndermek için Enter, yeni satır için Shift+Enter.",
    prechat_title: "Başlamadan önce bize biraz kendinizden bahsedin",
    prechat_submit: "Sohbeti başlat",
    postchat_title: "Sohbetimiz nasıldı?",
    postchat_submit: "Geri bildirim gönder",
    postchat_skip: "Atla",
    required: "(zorunlu)",
    field_required: "Bu alan zorunludur.",
    email_invalid: "Geçerli bir e-posta adresi girin, örneğin ad@example.com.",
    choose_option: "Seçin…",
    queue_position: |n| format!("Sıradaki yeriniz: {n}."),
    queue_waiting: "Sıradasınız. Bir temsilci birazdan sizinle ilgilenecek.",
    queue_wait: |wait| format!("Tahmini bekleme süresi: {wait}."),
    wait_under_minute: "bir dakikadan az",
    wait_minutes: |n| format!("yaklaşık {n} dakika"),
    wait_hours: |n| format!("yaklaşık {n} saat"),
    chat_ended: "Sohbet sona erdi.",
    start_new_chat: "Yeni sohbet başlat",
    postchat_thanks: "Geri bildiriminiz için teşekkür ederiz!",
    connecting: "Bağlanıyor…",
    reconnecting_in: |s| format!("Bağlantı koptu. {s} sn sonra yeniden denenecek…"),
    reconnecting: "Bağlantı koptu. Yeniden bağlanıyor…",
    offline: "Çevrimdışısınız. Bağlantınız geri geldiğinde sohbet yeniden bağlanacak.",
    paused: "Sohbet duraklatıldı. Yeniden bağlanmak için bir mesaj gönderin.",
    paused_busy: "Şu anda çok sayıda kişi sohbet ediyor. Tekrar denemek için bir mesaj gönderin.",
    stopped_banned: "Bu sohbeti artık kullanamazsınız.",
    stopped_license: "Bu sohbet şu anda bu web sitesinde kullanılamıyor.",
    stopped_too_many: "Sohbet çok fazla pencerede açık. Bazılarını kapatıp sayfayı yeniden yükleyin.",
    stopped_version: "Bu sohbet güncellendi. Lütfen sayfayı yeniden yükleyin.",
    stopped_closed: "Sohbet kapatıldı.",
    stopped_other: "Sohbet şu anda kullanılamıyor. Lütfen daha sonra tekrar deneyin.",
};
