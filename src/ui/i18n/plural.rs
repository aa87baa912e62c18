//! CLDR plural categories for whole numbers (Unicode CLDR, "Language Plural Rules";
//! integers only, so the operands `v`, `f`, `t` are 0 and `i` = `n`). One function per
//! family of rules ([`PluralRule`], named by each language's table); a table's counts
//! have one text per category its rule produces.

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

impl Plural {
    /// Every category, in CLDR's order.
    pub const ALL: [Plural; 6] = [Zero, One, Two, Few, Many, Other];

    /// The category's CLDR name, a key of a table's counts (`one`, `few`).
    pub fn name(self) -> &'static str {
        match self {
            Zero => "zero",
            One => "one",
            Two => "two",
            Few => "few",
            Many => "many",
            Other => "other",
        }
    }
}

/// A family of CLDR rules, named in a language's table (`"plural": "polish"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralRule {
    /// [`one_other`].
    OneOther,
    /// [`one_many_other`].
    OneManyOther,
    /// [`zero_one_many_other`].
    ZeroOneManyOther,
    /// [`east_slavic`].
    EastSlavic,
    /// [`polish`].
    Polish,
    /// [`czech`].
    Czech,
    /// [`arabic`].
    Arabic,
    /// [`hebrew`].
    Hebrew,
    /// [`other`].
    Other,
}

impl PluralRule {
    /// The rule a table names, by its function's name here; `None` for an unknown one.
    pub fn from_name(name: &str) -> Option<PluralRule> {
        Some(match name {
            "one_other" => PluralRule::OneOther,
            "one_many_other" => PluralRule::OneManyOther,
            "zero_one_many_other" => PluralRule::ZeroOneManyOther,
            "east_slavic" => PluralRule::EastSlavic,
            "polish" => PluralRule::Polish,
            "czech" => PluralRule::Czech,
            "arabic" => PluralRule::Arabic,
            "hebrew" => PluralRule::Hebrew,
            "other" => PluralRule::Other,
            _ => return None,
        })
    }

    /// The category of `n`.
    pub fn category(self, n: u64) -> Plural {
        match self {
            PluralRule::OneOther => one_other(n),
            PluralRule::OneManyOther => one_many_other(n),
            PluralRule::ZeroOneManyOther => zero_one_many_other(n),
            PluralRule::EastSlavic => east_slavic(n),
            PluralRule::Polish => polish(n),
            PluralRule::Czech => czech(n),
            PluralRule::Arabic => arabic(n),
            PluralRule::Hebrew => hebrew(n),
            PluralRule::Other => other(n),
        }
    }

    /// Every category the rule gives some whole number (a test checks them against
    /// [`PluralRule::category`]), so every one a table's count must have.
    pub fn categories(self) -> &'static [Plural] {
        match self {
            PluralRule::OneOther => &[One, Other],
            PluralRule::OneManyOther | PluralRule::ZeroOneManyOther => &[One, Many, Other],
            PluralRule::EastSlavic | PluralRule::Polish => &[One, Few, Many],
            PluralRule::Czech => &[One, Few, Other],
            PluralRule::Arabic => &Plural::ALL,
            PluralRule::Hebrew => &[One, Two, Other],
            PluralRule::Other => &[Other],
        }
    }
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

/// Japanese (and every language without plural forms): `other` for every number.
pub fn other(_: u64) -> Plural {
    Other
}
