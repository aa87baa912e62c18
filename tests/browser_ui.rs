//! Browser tests of the Leptos components, each mounted into its own container
//! (as in leptos-rs/leptos `examples/counter/tests/web.rs`).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use livechat_widget::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = document();
    let div = document.create_element("div").unwrap().unchecked_into::<web_sys::HtmlElement>();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
async fn app_mounts_with_an_accessible_region() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), App);
    leptos::task::tick().await;
    let main = root.query_selector("main").unwrap().expect("a <main> region");
    assert_eq!(main.get_attribute("aria-label").as_deref(), Some("Customer chat"));
}
