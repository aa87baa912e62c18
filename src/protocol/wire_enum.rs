//! A macro for the protocol's string enums (`"template_id": "cards"`, `"type": "webview"`, ...):
//! known values become variants, anything else is kept verbatim in `Other(String)` so a
//! newer server never makes a frame fail.

/// Declares a string enum with an `Other(String)` fallback, `as_str` and `to_value` (its
/// writers), `parse` (its reader) and `Display`.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version does not know, kept verbatim.
            Other(String),
        }

        impl $name {
            /// The wire name.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Other(s) => s,
                }
            }

            /// The wire name as JSON.
            pub fn to_value(&self) -> ::serde_json::Value {
                ::serde_json::Value::String(self.as_str().to_owned())
            }

            /// Parses a wire name; unknown names become `Other`.
            pub fn parse(s: &str) -> Self {
                match s {
                    $( $wire => $name::$variant, )*
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use wire_enum;
