//! One type for the reactive parts of the view. Leptos compiles its render
//! effect (build, rebuild, mount, drop) once per closure type; a boxed closure
//! returning an [`AnyView`] shares that code across every dynamic part, and a
//! boxed click handler shares the listener glue across every button.

use leptos::prelude::*;

/// A reactive child: re-run when what it reads changes. `None` renders a
/// placeholder, as an `Option` child does.
pub type DynView = Box<dyn FnMut() -> Option<AnyView> + Send>;

/// Boxes a reactive child (see [`DynView`]).
pub fn dyn_view(f: impl FnMut() -> Option<AnyView> + Send + 'static) -> DynView {
    Box::new(f)
}

/// A click handler of the one type every button shares.
pub type Click = Box<dyn FnMut(web_sys::MouseEvent)>;

/// Boxes a click handler that does not need the event (see [`Click`]).
pub fn click(mut f: impl FnMut() + 'static) -> Click {
    Box::new(move |_| f())
}
