//! Entry point of the widget's iframe page: mounts the component tree.

fn main() {
    livechat_widget::start();
}
