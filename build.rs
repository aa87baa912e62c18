//! With the `split` feature (the release build's chat window chunk, src/ui/lazy_window.rs)
//! the widget's wasm keeps its relocations (`--emit-relocs`): wasm-split needs them to cut
//! the module (scripts/split.sh). Only the binary's link gets the flag, so no RUSTFLAGS.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo:rustc-link-arg-bin=livechat-widget=--emit-relocs");
    }
}
