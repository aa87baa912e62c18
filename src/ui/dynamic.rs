//! One type for each kind of reactive part of the view. Leptos compiles its
//! render effect (build, rebuild, mount, drop) once per closure type; boxed
//! closures of one signature share that code across the whole widget, as a
//! boxed handler shares the listener glue across every element with that event.

use leptos::prelude::*;

/// A reactive child: re-run when what it reads changes. `None` renders a
/// placeholder, as an `Option` child does.
pub type DynView = Box<dyn FnMut() -> Option<AnyView> + Send>;

/// Boxes a reactive child (see [`DynView`]).
pub fn dyn_view(f: impl FnMut() -> Option<AnyView> + Send + 'static) -> DynView {
    Box::new(f)
}

/// Reactive text, as a child (see [`DynView`]).
pub fn dyn_text(mut f: impl FnMut() -> Option<String> + Send + 'static) -> DynView {
    Box::new(move || f().map(IntoAny::into_any))
}

/// A reactive attribute value: `None` removes the attribute, `Some("")` sets a
/// boolean one.
pub type DynAttr = Box<dyn FnMut() -> Option<String> + Send>;

/// Boxes a reactive attribute value (see [`DynAttr`]).
pub fn dyn_attr(f: impl FnMut() -> Option<String> + Send + 'static) -> DynAttr {
    Box::new(f)
}

/// A reactive boolean attribute (`disabled`, `hidden`): present while `f` is true.
pub fn dyn_flag_attr(mut f: impl FnMut() -> bool + Send + 'static) -> DynAttr {
    Box::new(move || f().then(String::new))
}

/// A reactive `class:name=` toggle.
pub type DynClass = Box<dyn FnMut() -> bool + Send>;

/// Boxes a reactive class toggle (see [`DynClass`]).
pub fn dyn_class(f: impl FnMut() -> bool + Send + 'static) -> DynClass {
    Box::new(f)
}

/// A click handler of the one type every button shares.
pub type Click = Box<dyn FnMut(web_sys::MouseEvent)>;

/// Boxes a click handler that does not need the event (see [`Click`]).
pub fn click(mut f: impl FnMut() + 'static) -> Click {
    Box::new(move |_| f())
}

/// A handler of any other event, given as the plain `Event` (one type per event name).
pub type Handler<E> = Box<dyn FnMut(E)>;

/// Boxes an event handler (see [`Handler`]).
pub fn handler<E>(f: impl FnMut(E) + 'static) -> Handler<E> {
    Box::new(f)
}
