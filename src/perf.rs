//! `performance` marks and measures at the points the issue 7 budgets are
//! about (wasm start, launcher click, composer focused, transcript rendered,
//! a message appended), for `scripts/bench.sh` and the browser's own
//! performance panel. Each name keeps only its latest entry, so a long
//! session does not fill the performance timeline. Nothing here is in the
//! sans-IO core; outside a browser (native tests) every call does nothing.

use std::cell::Cell;

thread_local! {
    /// A frame arrived since the last [`row_appended`].
    static FRAME_PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Marks `lc:frame`: the latest socket frame arrived.
const FRAME: &str = "lc:frame";
/// Marks `lc:row-appended`: the end of [`APPEND`].
const ROW_APPENDED: &str = "lc:row-appended";

/// Marks `lc:wasm-start`: the widget's wasm began running.
pub const WASM_START: &str = "lc:wasm-start";
/// Marks `lc:launcher-click`: the launcher's click handler ran.
pub const LAUNCHER_CLICK: &str = "lc:launcher-click";
/// Marks `lc:composer-focused`; measures `lc:open` from the launcher click.
pub const COMPOSER_FOCUSED: &str = "lc:composer-focused";
/// Marks `lc:transcript-rendered` (the log's first rows are in the DOM);
/// measures `lc:first-render` from the launcher click.
pub const TRANSCRIPT_RENDERED: &str = "lc:transcript-rendered";
/// Measures `lc:append`: from the socket frame's arrival to its row in the DOM.
pub const APPEND: &str = "lc:append";

fn performance() -> Option<web_sys::Performance> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.performance()
}

/// Sets the mark `name`, replacing an earlier one of the same name.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        p.clear_marks_with_mark_name(name);
        let _ = p.mark(name);
    }
}

/// Marks `end` and measures `measure` from the mark `start` to it (when
/// `start` exists), replacing earlier entries of the same names.
pub fn mark_and_measure(end: &str, measure: &str, start: &str) {
    let Some(p) = performance() else { return };
    mark(end);
    if p.get_entries_by_name_with_entry_type(start, "mark").length() > 0 {
        p.clear_measures_with_measure_name(measure);
        let _ = p.measure_with_start_mark_and_end_mark(measure, start, end);
    }
}

/// Called by the socket for every frame: the start of [`APPEND`].
pub fn frame_arrived() {
    if performance().is_some() {
        mark(FRAME);
        FRAME_PENDING.with(|p| p.set(true));
    }
}

/// A new row is at the bottom of the log: measures [`APPEND`] from the
/// arrival of the frame that brought it. A row that no frame brought (the
/// customer's own message, shown before it is sent) is not measured.
pub fn row_appended() {
    if FRAME_PENDING.with(|p| p.replace(false)) {
        mark_and_measure(ROW_APPENDED, APPEND, FRAME);
    }
}
