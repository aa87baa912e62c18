//! Spanish strings ("tú", as chat widgets address visitors in Spain and Latin America).

use std::collections::BTreeMap;

use super::plural::{one_many_other, Plural};
use super::Strings;

/// CLDR Spanish: `one` for 1; `many`, whole millions, takes "de" ("1000000 de mensajes").
fn plural(n: u64, one: &str, other: &str) -> String {
    match one_many_other(n) {
        Plural::One => format!("{n} {one}"),
        Plural::Many => format!("{n} de {other}"),
        _ => format!("{n} {other}"),
    }
}

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("Un agente");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent} se ha unido al chat.")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent} ha salido del chat."),
        "transfer.chat" | "routing.transferred" => "El chat se ha transferido a otro agente.".into(),
        "manual_archived_customer" => "Has finalizado el chat.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => "El chat se ha cerrado.".into(),
        _ => return None,
    })
}

/// Spanish.
pub static ES: Strings = Strings {
    code: "es",
    dir: "ltr",
    plural: one_many_other,
    widget_label: "Chat de atención al cliente",
    title: "Chatea con nosotros",
    subtitle_online: "Solemos responder en pocos minutos",
    subtitle_offline: "Ahora no estamos disponibles. Déjanos un mensaje.",
    launcher_open: "Abrir el chat",
    launcher_close: "Minimizar el chat",
    unread: |n| plural(u64::from(n), "mensaje sin leer", "mensajes sin leer"),
    agents_online: "agentes conectados",
    agents_offline: "agentes no disponibles",
    minimise: "Minimizar el chat",
    end_chat: "Finalizar chat",
    end_chat_question: "¿Quieres finalizar este chat?",
    end_chat_confirm: "Sí, finalizar",
    cancel: "Cancelar",
    greeting_open: "Abrir el chat",
    greeting_dismiss: "Descartar",
    greeting_from: |agent| format!("Mensaje de {agent}"),
    agent_fallback: "Agente",
    you: "Tú",
    log_label: "Conversación",
    empty_chat: "Pregúntanos lo que quieras. Estamos aquí para ayudarte.",
    load_earlier: "Cargar mensajes anteriores",
    typing_one: |agent| format!("{agent} está escribiendo…"),
    typing_many: "Los agentes están escribiendo…",
    pending: "Enviando…",
    sent: "Enviado",
    seen: "Visto",
    failed: "No enviado",
    retry: "Reintentar",
    remove: "Eliminar",
    image_fallback: "Imagen",
    file_fallback: "Archivo",
    download: |name| format!("Descargar {name}"),
    new_tab: "(se abre en una pestaña nueva)",
    link_unavailable: "(enlace no disponible)",
    form_sent: "Formulario enviado",
    quick_replies: "Respuestas rápidas",
    webview_title: "Página insertada",
    webview_close: "Cerrar",
    system_message,
    composer_label: "Escribe un mensaje",
    composer_placeholder: "Escribe un mensaje…",
    send: "Enviar",
    message_parts: |n| format!("Este mensaje es largo y se enviará en {}.", plural(n as u64, "parte", "partes")),
    composer_hint: "Intro para enviar, Mayús+Intro para una línea nueva.",
    prechat_title: "Antes de empezar, cuéntanos un poco sobre ti",
    prechat_submit: "Iniciar el chat",
    postchat_title: "¿Qué te ha parecido el chat?",
    postchat_submit: "Enviar valoración",
    postchat_skip: "Omitir",
    required: "(obligatorio)",
    field_required: "Este campo es obligatorio.",
    email_invalid: "Introduce una dirección de correo electrónico válida, como nombre@example.com.",
    choose_option: "Elige una opción…",
    queue_position: |n| format!("Tu posición en la cola: {n}."),
    queue_waiting: "Estás en la cola. Un agente te atenderá en breve.",
    queue_wait: |wait| format!("Tiempo de espera estimado: {wait}."),
    wait_under_minute: "menos de un minuto",
    wait_minutes: |n| format!("aproximadamente {}", plural(n, "minuto", "minutos")),
    wait_hours: |n| format!("aproximadamente {}", plural(n, "hora", "horas")),
    chat_ended: "El chat ha finalizado.",
    start_new_chat: "Iniciar un chat nuevo",
    postchat_thanks: "¡Gracias por tu valoración!",
    connecting: "Conectando…",
    reconnecting_in: |s| format!("Se ha perdido la conexión. Reintentando en {s} s…"),
    reconnecting: "Se ha perdido la conexión. Reconectando…",
    offline: "No tienes conexión. El chat se reconectará cuando vuelvas a estar en línea.",
    paused: "Chat en pausa. Envía un mensaje para volver a conectarte.",
    paused_busy: "Ahora mismo hay mucha gente chateando. Envía un mensaje para intentarlo de nuevo.",
    stopped_banned: "Ya no puedes usar este chat.",
    stopped_license: "Este chat no está disponible en este sitio web en este momento.",
    stopped_too_many: "El chat está abierto en demasiadas ventanas. Cierra algunas y vuelve a cargar la página.",
    stopped_version: "Este chat se ha actualizado. Vuelve a cargar la página.",
    stopped_closed: "El chat se ha cerrado.",
    stopped_other: "El chat no está disponible en este momento. Inténtalo de nuevo más tarde.",
};
