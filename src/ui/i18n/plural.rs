//! CLDR plural categories for whole numbers (Unicode CLDR, "Language Plural Rules";
//! integers only, so the operands `v`, `f`, `t` are 0 and `i` = `n`). One function per
//! family of rules; each language file picks its word forms by category.

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// `zero` (Arabic 0).
    Zero,
    /// `one`.
    One,
    /// `two` (Arabic, Hebrew).
    Two,
    /// `few`.
    Few,
    /// `many`.
    Many,
    /// `other`.
    Other,
}

use Plural::*;

/// "{n} {word}" for the Slavic families (Polish, Czech, Russian, Ukrainian), whose rules
/// `rule` sort numbers into `one`, `few` and the rest (`many` or `other`), one word each.
pub fn one_few_rest(rule: fn(u64) -> Plural, n: u64, one: &str, few: &str, rest: &str) -> String {
    let word = match rule(n) {
        One => one,
        Few => few,
        _ => rest,
    };
    format!("{n} {word}")
}

/// English, German, Dutch, Turkish: `one` for 1.
pub fn one_other(n: u64) -> Plural {
    if n == 1 {
        One
    } else {
        Other
    }
}

/// Spanish, Italian: `one` for 1; `many` for whole millions ("1 000 000 de mensajes").
pub fn one_many_other(n: u64) -> Plural {
    match n {
        1 => One,
        n if n != 0 && n % 1_000_000 == 0 => Many,
        _ => Other,
    }
}

/// French, Portuguese (Brazil, CLDR's `pt`): `one` for 0 and 1; `many` for whole millions.
pub fn zero_one_many_other(n: u64) -> Plural {
    match n {
        0 | 1 => One,
        n if n % 1_000_000 == 0 => Many,
        _ => Other,
    }
}

/// Russian, Ukrainian: `one` 1, 21, 101 (not 11); `few` 2–4, 22–24 (not 12–14); `many` the rest.
pub fn east_slavic(n: u64) -> Plural {
    let (d, h) = (n % 10, n % 100);
    if d == 1 && h != 11 {
        One
    } else if (2..=4).contains(&d) && !(12..=14).contains(&h) {
        Few
    } else {
        Many
    }
}

/// Polish: `one` only 1; `few` 2–4, 22–24 (not 12–14); `many` the rest (0, 5, 21, 101).
pub fn polish(n: u64) -> Plural {
    let (d, h) = (n % 10, n % 100);
    if n == 1 {
        One
    } else if (2..=4).contains(&d) && !(12..=14).contains(&h) {
        Few
    } else {
        Many
    }
}

/// Czech: `one` 1; `few` 2–4; `other` the rest (`many` is for fractions only).
pub fn czech(n: u64) -> Plural {
    match n {
        1 => One,
        2..=4 => Few,
        _ => Other,
    }
}

/// Arabic: `zero` 0, `one` 1, `two` 2, `few` 3–10 (mod 100), `many` 11–99 (mod 100), `other` (100–102, …).
pub fn arabic(n: u64) -> Plural {
    match (n, n % 100) {
        (0, _) => Zero,
        (1, _) => One,
        (2, _) => Two,
        (_, 3..=10) => Few,
        (_, 11..=99) => Many,
        _ => Other,
    }
}

/// Hebrew (CLDR 42 and later): `one` 1, `two` 2, `other` the rest.
pub fn hebrew(n: u64) -> Plural {
    match n {
        1 => One,
        2 => Two,
        _ => Other,
    }
}
