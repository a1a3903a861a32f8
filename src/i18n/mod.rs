//! atsdrop's languages: English (the source), Dutch and German, through Fluent.
//!
//! - [`lang`]: which languages there are, and which one the OS, the environment or the user
//!   asks for.
//! - [`catalog`]: the `.ftl` files (one per screen, under `locales/<lang>/`), built in, and
//!   the bundles that format their messages.
//! - [`text`]: a sentence as a message key with its arguments ([`Text`]), rendered in any
//!   language; [`t!`](crate::t) renders one in the current language.
//! - [`format`]: numbers, sizes, durations and dates the way each language writes them.
//!
//! Machine-readable output (`--json`) never goes through here in another language than
//! English: it stays the same in every language.

pub mod catalog;
pub mod format;
pub mod lang;
pub mod text;

pub use format::{count, decimal, duration, size};
pub use lang::{Lang, current, set};
pub use text::{Arg, Text};

/// The current language's rendering of message `key`, with `name = value` arguments.
///
/// ```
/// atsdrop::i18n::set(atsdrop::i18n::Lang::En);
/// assert_eq!(atsdrop::t!("tab-history"), "History");
/// ```
#[macro_export]
macro_rules! t {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::text!($key $(, $name = $value)*).to_string()
    };
}

/// The [`Text`] of message `key` with `name = value` arguments, to render later (in the
/// language current then, or in any with [`Text::render_in`]).
#[macro_export]
macro_rules! text {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text::new($key)$(.arg(stringify!($name), $value))*
    };
}
