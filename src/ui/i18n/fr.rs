//! French strings ("vous"; a narrow no-break space before `?`, `!` and `:` as French typography wants).

use std::collections::BTreeMap;

use super::plural::{zero_one_many_other, Plural};
use super::Strings;

/// CLDR French: `one` for 0 and 1; `many`, whole millions, takes `de` ("1000000 de messages", "d’heures").
fn plural(n: u64, one: &str, other: &str, de: &str) -> String {
    match zero_one_many_other(n) {
        Plural::One => format!("{n} {one}"),
        Plural::Many => format!("{n} {de}{other}"),
        _ => format!("{n} {other}"),
    }
}

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("Un conseiller");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent} a rejoint la conversation.")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent} a quitté la conversation."),
        "transfer.chat" | "routing.transferred" => "La conversation a été transférée à un autre conseiller.".into(),
        "manual_archived_customer" => "Vous avez mis fin à la conversation.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => {
            "La conversation a été fermée.".into()
        }
        _ => return None,
    })
}

/// French.
pub static FR: Strings = Strings {
    code: "fr",
    dir: "ltr",
    plural: zero_one_many_other,
    widget_label: "Chat avec le service client",
    title: "Discutez avec nous",
    subtitle_online: "Nous répondons généralement en quelques minutes",
    subtitle_offline: "Nous sommes absents pour le moment. Laissez-nous un message.",
    launcher_open: "Ouvrir le chat",
    launcher_close: "Réduire le chat",
    unread: |n| plural(u64::from(n), "message non lu", "messages non lus", "de "),
    agents_online: "conseillers en ligne",
    agents_offline: "conseillers absents",
    minimise: "Réduire le chat",
    end_chat: "Terminer le chat",
    end_chat_question: "Terminer cette conversation\u{202f}?",
    end_chat_confirm: "Oui, terminer",
    cancel: "Annuler",
    greeting_open: "Ouvrir le chat",
    greeting_dismiss: "Ignorer",
    greeting_from: |agent| format!("Message de {agent}"),
    agent_fallback: "Conseiller",
    you: "Vous",
    log_label: "Conversation",
    empty_chat: "Posez-nous vos questions, nous sommes là pour vous aider.",
    load_earlier: "Charger les messages précédents",
    typing_one: |agent| format!("{agent} est en train d’écrire…"),
    typing_many: "Des conseillers sont en train d’écrire…",
    pending: "Envoi en cours…",
    sent: "Envoyé",
    seen: "Lu",
    failed: "Non envoyé",
    retry: "Réessayer",
    remove: "Supprimer",
    image_fallback: "Image",
    file_fallback: "Fichier",
    download: |name| format!("Télécharger {name}"),
    new_tab: "(s’ouvre dans un nouvel onglet)",
    link_unavailable: "(lien indisponible)",
    form_sent: "Formulaire envoyé",
    quick_replies: "Réponses rapides",
    webview_title: "Page intégrée",
    webview_close: "Fermer",
    system_message,
    composer_label: "Écrire un message",
    composer_placeholder: "Écrivez votre message…",
    send: "Envoyer",
    message_parts: |n| format!("Ce long message sera envoyé en {}.", plural(n as u64, "partie", "parties", "de ")),
    composer_hint: "Entrée pour envoyer, Maj+Entrée pour aller à la ligne.",
    prechat_title: "Avant de commencer, parlez-nous un peu de vous",
    prechat_submit: "Démarrer la conversation",
    postchat_title: "Comment s’est passée votre conversation\u{202f}?",
    postchat_submit: "Envoyer mon avis",
    postchat_skip: "Passer",
    required: "(obligatoire)",
    field_required: "Ce champ est obligatoire.",
    email_invalid: "Saisissez une adresse e-mail valide, par exemple nom@example.com.",
    choose_option: "Choisissez…",
    queue_position: |n| format!("Votre position dans la file d’attente\u{202f}: {n}."),
    queue_waiting: "Vous êtes dans la file d’attente. Un conseiller va vous répondre très vite.",
    queue_wait: |wait| format!("Attente estimée\u{202f}: {wait}."),
    wait_under_minute: "moins d’une minute",
    wait_minutes: |n| format!("environ {}", plural(n, "minute", "minutes", "de ")),
    wait_hours: |n| format!("environ {}", plural(n, "heure", "heures", "d’")),
    chat_ended: "La conversation est terminée.",
    start_new_chat: "Démarrer une nouvelle conversation",
    postchat_thanks: "Merci pour votre avis\u{202f}!",
    connecting: "Connexion…",
    reconnecting_in: |s| format!("Connexion perdue. Nouvelle tentative dans {s}\u{a0}s…"),
    reconnecting: "Connexion perdue. Reconnexion…",
    offline: "Vous êtes hors ligne. Le chat se reconnectera dès le retour de votre connexion.",
    paused: "Chat en pause. Envoyez un message pour vous reconnecter.",
    paused_busy: "Beaucoup de personnes discutent avec nous en ce moment. Envoyez un message pour réessayer.",
    stopped_banned: "Vous ne pouvez plus utiliser ce chat.",
    stopped_license: "Ce chat n’est pas disponible sur ce site pour le moment.",
    stopped_too_many: "Le chat est ouvert dans trop de fenêtres. Fermez-en quelques-unes et rechargez la page.",
    stopped_version: "Ce chat a été mis à jour. Veuillez recharger la page.",
    stopped_closed: "La conversation a été fermée.",
    stopped_other: "Le chat n’est pas disponible pour le moment. Veuillez réessayer plus tard.",
};
