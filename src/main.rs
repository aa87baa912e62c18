//! Entry point of the widget's iframe page: mounts the component tree.

fn main() {
    livechat_widget::browser::perf::mark(livechat_widget::browser::perf::WASM_START);
    livechat_widget::start();
}
