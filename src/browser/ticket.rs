//! The ticket request ([`TicketRequest`]) performed with `fetch`: a JSON `POST`
//! without credentials, as LiveChat's customer client sends it. The core owns the
//! deadline; this only reports what came back.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestInit, Response};

use crate::conversation::{TicketAnswer, TicketRequest};

/// Sends the ticket and waits for its answer (status and body), or the failure.
pub async fn post_ticket(request: &TicketRequest) -> TicketAnswer {
    match send(request).await {
        Ok(answer) => answer,
        Err(e) => TicketAnswer::Network(e),
    }
}

async fn send(request: &TicketRequest) -> Result<TicketAnswer, String> {
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&request.body.as_str().into());
    let headers = Headers::new().map_err(|e| format!("{e:?}"))?;
    headers.set("Content-Type", "application/json").map_err(|e| format!("{e:?}"))?;
    init.set_headers(&headers);
    let req = Request::new_with_str_and_init(&request.url, &init).map_err(|e| format!("{e:?}"))?;
    let window = web_sys::window().ok_or("no window")?;
    let response: Response = JsFuture::from(window.fetch_with_request(&req))
        .await
        .map_err(|_| "the ticket service could not be reached".to_string())?
        .dyn_into()
        .map_err(|_| "not a Response".to_string())?;
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    Ok(TicketAnswer::Http { status: response.status(), body: text })
}
