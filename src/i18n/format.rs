//! Numbers, sizes, durations and dates as each language writes them: English `4.8 MB` and
//! `1,234`; Dutch and German `4,8 MB` and `1.234`.

use std::time::Duration;

use super::lang::{Lang, current};

/// `value` with `digits` decimals, with the language's decimal separator.
#[must_use]
pub fn decimal_in(lang: Lang, value: f64, digits: usize) -> String {
    let text = format!("{value:.digits$}");
    match lang {
        Lang::En => text,
        Lang::Nl | Lang::De => text.replace('.', ","),
    }
}

/// [`decimal_in`] the current language.
#[must_use]
pub fn decimal(value: f64, digits: usize) -> String {
    decimal_in(current(), value, digits)
}

/// A whole number with the language's thousands separator (`1,234` / `1.234`).
#[must_use]
pub fn count_in(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Lang::En => ',',
        Lang::Nl | Lang::De => '.',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// [`count_in`] the current language.
#[must_use]
pub fn count(n: u64) -> String {
    count_in(current(), n)
}

/// A size as a person reads it (`"4.8 MB"`, `"4,8 MB"`, `"512 bytes"`), in binary units as
/// the systems' limits are written.
#[must_use]
pub fn size_in(lang: Lang, bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return match (lang, bytes) {
            (Lang::En, 1) => "1 byte".to_owned(),
            (Lang::En | Lang::Nl, n) => format!("{n} bytes"),
            (Lang::De, n) => format!("{n} Byte"),
        };
    }
    #[allow(clippy::cast_precision_loss)]
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let digits = usize::from(!(value >= 100.0 || (value - value.round()).abs() < 0.05));
    format!("{} {}", decimal_in(lang, value, digits), UNITS[unit])
}

/// [`size_in`] the current language.
#[must_use]
pub fn size(bytes: u64) -> String {
    size_in(current(), bytes)
}

/// A duration as a person says it (`"3 s"`, `"2 min 5 s"`, `"1 h 4 min"`; German `"1 Std. 4
/// Min."`).
#[must_use]
pub fn duration_in(lang: Lang, d: Duration) -> String {
    let (h, m, s) = match lang {
        Lang::En | Lang::Nl => ("h", "min", "s"),
        Lang::De => ("Std.", "Min.", "Sek."),
    };
    let secs = d
        .as_secs()
        .saturating_add(u64::from(d.subsec_millis() >= 500));
    match secs {
        0..60 => format!("{secs} {s}"),
        60..3600 => match (secs / 60, secs % 60) {
            (minutes, 0) => format!("{minutes} {m}"),
            (minutes, rest) => format!("{minutes} {m} {rest} {s}"),
        },
        _ => match (secs / 3600, (secs % 3600) / 60) {
            (hours, 0) => format!("{hours} {h}"),
            (hours, minutes) => format!("{hours} {h} {minutes} {m}"),
        },
    }
}

/// [`duration_in`] the current language.
#[must_use]
pub fn duration(d: Duration) -> String {
    duration_in(current(), d)
}

/// A calendar date and time as the language writes it: `2026-12-07 14:05` in English (the
/// ISO order atsdrop has always shown), `07-12-2026 14:05` in Dutch, `07.12.2026 14:05` in
/// German. `year, month, day, hour, minute` as read from a timestamp.
#[must_use]
pub fn date_time_in(lang: Lang, (year, month, day, hour, minute): (i32, u8, u8, u8, u8)) -> String {
    match lang {
        Lang::En => format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}"),
        Lang::Nl => format!("{day:02}-{month:02}-{year:04} {hour:02}:{minute:02}"),
        Lang::De => format!("{day:02}.{month:02}.{year:04} {hour:02}:{minute:02}"),
    }
}

/// A timestamp as atsdrop writes them (`2026-12-07T14:05:09Z`, RFC 3339 in UTC) or a date
/// (`2026-12-07`) as the language writes it: English keeps the ISO order
/// (`2026-12-07 14:05:09`), Dutch `07-12-2026 14:05:09`, German `07.12.2026 14:05:09`. Text
/// that is not such a timestamp is shown as it is.
#[must_use]
pub fn timestamp_in(lang: Lang, stamp: &str) -> String {
    let (date, time) = stamp
        .split_once('T')
        .map_or((stamp, ""), |(d, t)| (d, t.trim_end_matches('Z')));
    let parts: Vec<&str> = date.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return stamp.to_owned();
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return stamp.to_owned();
    }
    // Seconds at most: fractions and offsets are not shown.
    let time: String = time.chars().take(8).collect();
    let date = match lang {
        Lang::En => format!("{year}-{month}-{day}"),
        Lang::Nl => format!("{day}-{month}-{year}"),
        Lang::De => format!("{day}.{month}.{year}"),
    };
    if time.is_empty() {
        date
    } else {
        format!("{date} {time}")
    }
}

/// [`timestamp_in`] the current language.
#[must_use]
pub fn timestamp(stamp: &str) -> String {
    timestamp_in(current(), stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_use_the_languages_decimal_comma() {
        let bytes = 4_800 * 1024 + 512 * 1024 / 10;
        assert_eq!(size_in(Lang::En, bytes), "4.7 MB");
        assert_eq!(size_in(Lang::Nl, bytes), "4,7 MB");
        assert_eq!(size_in(Lang::De, bytes), "4,7 MB");
        assert_eq!(size_in(Lang::En, 5 * 1024 * 1024), "5 MB");
        assert_eq!(size_in(Lang::De, 12), "12 Byte");
        assert_eq!(size_in(Lang::En, 1), "1 byte");
    }

    #[test]
    fn counts_group_thousands_the_languages_way() {
        assert_eq!(count_in(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(count_in(Lang::Nl, 1_234_567), "1.234.567");
        assert_eq!(count_in(Lang::De, 999), "999");
        assert_eq!(count_in(Lang::De, 1000), "1.000");
    }

    #[test]
    fn durations_and_dates_read_naturally() {
        assert_eq!(duration_in(Lang::En, Duration::from_secs(125)), "2 min 5 s");
        assert_eq!(
            duration_in(Lang::De, Duration::from_mins(64)),
            "1 Std. 4 Min."
        );
        assert_eq!(
            timestamp_in(Lang::En, "2026-11-22T10:00:00Z"),
            "2026-11-22 10:00:00"
        );
        assert_eq!(
            timestamp_in(Lang::De, "2026-11-22T10:00:00.123Z"),
            "22.11.2026 10:00:00"
        );
        assert_eq!(timestamp_in(Lang::Nl, "2026-01-15"), "15-01-2026");
        assert_eq!(timestamp_in(Lang::Nl, "yesterday"), "yesterday");
        let when = (2026, 12, 7, 14, 5);
        assert_eq!(date_time_in(Lang::En, when), "2026-12-07 14:05");
        assert_eq!(date_time_in(Lang::Nl, when), "07-12-2026 14:05");
        assert_eq!(date_time_in(Lang::De, when), "07.12.2026 14:05");
    }
}
