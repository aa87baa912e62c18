//! Entry point of the widget's iframe page: mounts the component tree.

fn main() {
    livechat_widget::perf::mark(livechat_widget::perf::WASM_START);
    livechat_widget::start();
}
