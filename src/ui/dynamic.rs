//! One type for each kind of reactive part of the view. Leptos compiles its
//! render effect (build, rebuild, mount, drop) once per closure type; boxed
//! closures of one signature share that code across the whole widget, as a
//! boxed handler shares the listener glue across every element with that event.

use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};

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

/// A view that is built afresh instead of patched when its reactive parent
/// re-runs with a view of the same type. Leptos links a rebuild of the whole
/// tree for every type erased with [`IntoAny::into_any`]; for views whose parent
/// never yields the same type twice in a row (a `bool` memo toggling the view
/// on and off, two branches taking turns), that rebuild is dead weight: this
/// wrapper makes it a short replace. The survey forms use it too: when a
/// different form arrives while one is shown (rare: an equal form does not
/// re-run the memo), the form is rebuilt rather than patched, so its inputs
/// restart empty like the form's state already did, and focus moves out.
pub struct Fresh<V>(V);

/// Erases a view that its parent never rebuilds in place (see [`Fresh`]).
pub fn fresh<V: RenderHtml + 'static>(view: V) -> AnyView {
    Fresh(view).into_any()
}

impl<V: Render> Render for Fresh<V> {
    type State = V::State;

    fn build(self) -> Self::State {
        self.0.build()
    }

    fn rebuild(self, state: &mut Self::State) {
        let mut new = self.0.build();
        replace(state, &mut new);
        *state = new;
    }
}

/// Puts `new` where `old` is and takes `old` out of the DOM (one copy for every [`Fresh`]).
fn replace(old: &mut dyn Mountable, new: &mut dyn Mountable) {
    old.insert_before_this(new);
    old.unmount();
}

impl<V: AddAnyAttr> AddAnyAttr for Fresh<V> {
    type Output<A: Attribute> = V::Output<A>;

    fn add_any_attr<A: Attribute>(self, attr: A) -> Self::Output<A>
    where
        Self::Output<A>: RenderHtml,
    {
        self.0.add_any_attr(attr)
    }
}

impl<V: RenderHtml> RenderHtml for Fresh<V> {
    type AsyncOutput = V::AsyncOutput;
    type Owned = Fresh<V::Owned>;

    const MIN_LENGTH: usize = V::MIN_LENGTH;
    const EXISTS: bool = V::EXISTS;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve();
    }

    fn resolve(self) -> impl std::future::Future<Output = Self::AsyncOutput> + Send {
        self.0.resolve()
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0.to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
    }

    fn hydrate<const FROM_SERVER: bool>(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        self.0.hydrate::<FROM_SERVER>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        Fresh(self.0.into_owned())
    }
}
