//! Japanese strings (polite です・ます). Japanese has no plural forms (CLDR: `other` only):
//! counts take a counter word ("3件", "5分").

use std::collections::BTreeMap;

use super::plural::Plural;
use super::Strings;

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("オペレーター");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent}がチャットに参加しました。")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent}がチャットから退出しました。"),
        "transfer.chat" | "routing.transferred" => "チャットは別のオペレーターに転送されました。".into(),
        "manual_archived_customer" => "チャットを終了しました。".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => {
            "チャットは閉じられました。".into()
        }
        _ => return None,
    })
}

/// Japanese.
pub static JA: Strings = Strings {
    code: "ja",
    dir: "ltr",
    plural: |_| Plural::Other,
    widget_label: "カスタマーチャット",
    title: "チャットでお問い合わせ",
    subtitle_online: "通常、数分以内にお返事します",
    subtitle_offline: "ただいま不在です。メッセージを残してください。",
    launcher_open: "チャットを開く",
    launcher_close: "チャットを最小化",
    unread: |n| format!("未読メッセージ {n} 件"),
    agents_online: "オペレーター対応可能",
    agents_offline: "オペレーター不在",
    minimise: "チャットを最小化",
    end_chat: "チャットを終了",
    end_chat_question: "このチャットを終了しますか？",
    end_chat_confirm: "終了する",
    cancel: "キャンセル",
    greeting_open: "チャットを開く",
    greeting_dismiss: "閉じる",
    greeting_from: |agent| format!("{agent}からのメッセージ"),
    agent_fallback: "オペレーター",
    you: "あなた",
    log_label: "会話",
    empty_chat: "どんなことでもお気軽にお尋ねください。",
    load_earlier: "以前のメッセージを読み込む",
    typing_one: |agent| format!("{agent}が入力中…"),
    typing_many: "オペレーターが入力中…",
    pending: "送信中…",
    sent: "送信済み",
    seen: "既読",
    failed: "未送信",
    retry: "再送信",
    remove: "削除",
    image_fallback: "画像",
    file_fallback: "ファイル",
    download: |name| format!("{name}をダウンロード"),
    new_tab: "（新しいタブで開きます）",
    link_unavailable: "（リンクは利用できません）",
    form_sent: "フォームを送信しました",
    quick_replies: "クイック返信",
    webview_title: "埋め込みページ",
    webview_close: "閉じる",
    system_message,
    composer_label: "メッセージを入力",
    composer_placeholder: "メッセージを入力…",
    send: "送信",
    message_parts: |n| format!("このメッセージは長いため、{n}回に分けて送信されます。"),
    composer_hint: "Enterで送信、Shift+Enterで改行します。",
    prechat_title: "チャットを始める前に、お客様について少し教えてください",
    prechat_submit: "チャットを開始",
    postchat_title: "チャットはいかがでしたか？",
    postchat_submit: "フィードバックを送信",
    postchat_skip: "スキップ",
    required: "（必須）",
    field_required: "この項目は必須です。",
    email_invalid: "name@example.com のような有効なメールアドレスを入力してください。",
    choose_option: "選択してください…",
    queue_position: |n| format!("お客様の順番は{n}番目です。"),
    queue_waiting: "順番にご案内しています。まもなくオペレーターが対応します。",
    queue_wait: |wait| format!("予想待ち時間：{wait}。"),
    wait_under_minute: "1分未満",
    wait_minutes: |n| format!("約{n}分"),
    wait_hours: |n| format!("約{n}時間"),
    chat_ended: "チャットは終了しました。",
    start_new_chat: "新しいチャットを開始",
    postchat_thanks: "フィードバックをありがとうございました！",
    connecting: "接続中…",
    reconnecting_in: |s| format!("接続が切れました。{s}秒後に再接続します…"),
    reconnecting: "接続が切れました。再接続しています…",
    offline: "オフラインです。インターネットに接続し直すと、チャットも自動的に再接続されます。",
    paused: "チャットは一時停止中です。メッセージを送信すると再接続します。",
    paused_busy: "ただいま大変混み合っています。メッセージを送信して、もう一度お試しください。",
    stopped_banned: "このチャットはご利用いただけなくなりました。",
    stopped_license: "現在、このウェブサイトではチャットをご利用いただけません。",
    stopped_too_many:
        "チャットを開いているウィンドウが多すぎます。いくつか閉じてから、ページを再読み込みしてください。",
    stopped_version: "チャットが更新されました。ページを再読み込みしてください。",
    stopped_closed: "チャットは閉じられました。",
    stopped_other: "現在チャットをご利用いただけません。しばらくしてからもう一度お試しください。",
};
