//! LiveChat customer chat widget: a sans-IO core for the Customer Chat RTM API v3.2
//! (`protocol`, `session`, `chat`), a thin browser driver (`browser`) and Leptos
//! components (`ui`).

pub mod protocol;
