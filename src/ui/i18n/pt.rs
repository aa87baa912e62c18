//! Portuguese strings, Brazilian Portuguese (CLDR's `pt`; "você"), the variant most
//! Portuguese-speaking visitors read; `pt-PT` gets these too.

use std::collections::BTreeMap;

use super::plural::{zero_one_many_other, Plural};
use super::Strings;

/// CLDR Portuguese: `one` for 0 and 1; `many`, whole millions, takes "de" ("1000000 de mensagens").
fn plural(n: u64, one: &str, other: &str) -> String {
    match zero_one_many_other(n) {
        Plural::One => format!("{n} {one}"),
        Plural::Many => format!("{n} de {other}"),
        _ => format!("{n} {other}"),
    }
}

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("Um atendente");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent} entrou no chat.")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent} saiu do chat."),
        "transfer.chat" | "routing.transferred" => "O chat foi transferido para outro atendente.".into(),
        "manual_archived_customer" => "Você encerrou o chat.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => "O chat foi encerrado.".into(),
        _ => return None,
    })
}

/// Portuguese.
pub static PT: Strings = Strings {
    code: "pt",
    dir: "ltr",
    plural: zero_one_many_other,
    widget_label: "Chat de atendimento",
    title: "Fale com a gente",
    subtitle_online: "Costumamos responder em poucos minutos",
    subtitle_offline: "No momento não estamos disponíveis. Deixe uma mensagem.",
    launcher_open: "Abrir o chat",
    launcher_close: "Minimizar o chat",
    unread: |n| plural(u64::from(n), "mensagem não lida", "mensagens não lidas"),
    agents_online: "atendentes on-line",
    agents_offline: "atendentes indisponíveis",
    minimise: "Minimizar o chat",
    end_chat: "Encerrar chat",
    end_chat_question: "Encerrar este chat?",
    end_chat_confirm: "Sim, encerrar",
    cancel: "Cancelar",
    greeting_open: "Abrir o chat",
    greeting_dismiss: "Dispensar",
    greeting_from: |agent| format!("Mensagem de {agent}"),
    agent_fallback: "Atendente",
    you: "Você",
    log_label: "Conversa",
    empty_chat: "Pergunte o que quiser. Estamos aqui para ajudar.",
    load_earlier: "Carregar mensagens anteriores",
    typing_one: |agent| format!("{agent} está digitando…"),
    typing_many: "Os atendentes estão digitando…",
    pending: "Enviando…",
    sent: "Enviada",
    seen: "Visualizada",
    failed: "Não enviada",
    retry: "Tentar de novo",
    remove: "Remover",
    image_fallback: "Imagem",
    file_fallback: "Arquivo",
    download: |name| format!("Baixar {name}"),
    new_tab: "(abre em uma nova guia)",
    link_unavailable: "(link indisponível)",
    form_sent: "Formulário enviado",
    quick_replies: "Respostas rápidas",
    webview_title: "Página incorporada",
    webview_close: "Fechar",
    system_message,
    composer_label: "Escreva uma mensagem",
    composer_placeholder: "Escreva uma mensagem…",
    send: "Enviar",
    message_parts: |n| format!("Esta mensagem é longa e será enviada em {}.", plural(n as u64, "parte", "partes")),
    composer_hint: "Enter para enviar, Shift+Enter para uma nova linha.",
    prechat_title: "Antes de começar, conte um pouco sobre você",
    prechat_submit: "Iniciar o chat",
    postchat_title: "O que você achou do atendimento?",
    postchat_submit: "Enviar avaliação",
    postchat_skip: "Pular",
    required: "(obrigatório)",
    field_required: "Este campo é obrigatório.",
    email_invalid: "Informe um e-mail válido, como nome@example.com.",
    choose_option: "Selecione…",
    queue_position: |n| format!("Sua posição na fila: {n}."),
    queue_waiting: "Você está na fila. Um atendente vai falar com você em breve.",
    queue_wait: |wait| format!("Tempo de espera estimado: {wait}."),
    wait_under_minute: "menos de um minuto",
    wait_minutes: |n| format!("cerca de {}", plural(n, "minuto", "minutos")),
    wait_hours: |n| format!("cerca de {}", plural(n, "hora", "horas")),
    chat_ended: "O chat foi encerrado.",
    start_new_chat: "Iniciar um novo chat",
    postchat_thanks: "Obrigado pela sua avaliação!",
    connecting: "Conectando…",
    reconnecting_in: |s| format!("A conexão caiu. Tentando de novo em {s} s…"),
    reconnecting: "A conexão caiu. Reconectando…",
    offline: "Você está off-line. O chat vai se reconectar quando a conexão voltar.",
    paused: "Chat pausado. Envie uma mensagem para se reconectar.",
    paused_busy: "Muitas pessoas estão conversando com a gente agora. Envie uma mensagem para tentar de novo.",
    stopped_banned: "Você não pode mais usar este chat.",
    stopped_license: "Este chat não está disponível neste site no momento.",
    stopped_too_many: "O chat está aberto em janelas demais. Feche algumas e recarregue a página.",
    stopped_version: "Este chat foi atualizado. Recarregue a página.",
    stopped_closed: "O chat foi encerrado.",
    stopped_other: "O chat não está disponível no momento. Tente novamente mais tarde.",
};
