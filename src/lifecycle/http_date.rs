//! `Retry-After` as an HTTP date (RFC 9110 IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`).
//! The obsolete RFC 850 and asctime forms are not accepted: no current server sends them.

/// Unix seconds, or `None` for anything that is not an IMF-fixdate.
pub fn parse(text: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    if text.len() != 29 || !text.is_ascii() {
        return None;
    }
    // Six space-separated fields (the text is ASCII, so byte offsets are char boundaries).
    let mut parts = text.split(' ');
    let mut field = || parts.next();
    let (Some(weekday), Some(day), Some(month), Some(year), Some(clock), Some(zone), None) =
        (field(), field(), field(), field(), field(), field(), field())
    else {
        return None;
    };
    let weekday_ok = weekday.strip_suffix(',').is_some_and(|name| DAYS.contains(&name));
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    if !weekday_ok || zone != "GMT" || day.len() != 2 || year.len() != 4 || clock.len() != 8 {
        return None;
    }
    crate::time::parse_utc(&format!("{year}-{month:02}-{day}T{clock}Z"))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_imf_fixdate_only() {
        assert_eq!(parse("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777));
        assert_eq!(parse("Wed, 18 Nov 2026 11:06:40 GMT"), Some(1_795_000_000));
        for bad in [
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
