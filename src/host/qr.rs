//! A seat's URL as a QR code in text lines, for a terminal to draw (two modules per
//! character cell, with the quiet zone the standard asks for).

/// The QR code of `url` as lines of `█`, `▀`, `▄` and spaces, for a terminal with light text
/// on a dark background (the blocks are the code's light modules), or `None` when the text
/// is too long for a QR code.
pub fn lines(url: &str) -> Option<Vec<String>> {
    lines_on(url, true)
}

/// The QR code of `url` for a terminal with a dark (`true`) or a light background: the
/// blocks are the code's light modules on a dark background, its dark ones on a light one.
pub fn lines_on(url: &str, dark_background: bool) -> Option<Vec<String>> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::with_error_correction_level(url, qrcode::EcLevel::M).ok()?;
    let (dark, light) = if dark_background {
        (Dense1x2::Light, Dense1x2::Dark)
    } else {
        (Dense1x2::Dark, Dense1x2::Light)
    };
    let text = code
        .render::<Dense1x2>()
        .quiet_zone(true)
        .dark_color(dark)
        .light_color(light)
        .build();
    Some(text.lines().map(str::to_string).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_seat_url_fits_in_a_small_square() {
        let url = "http://192.168.100.200:8080/s/0123456789abcdef0123456789abcdef";
        let lines = super::lines(url).unwrap_or_default();
        assert!(!lines.is_empty());
        let width = lines[0].chars().count();
        assert!(width <= 45, "{width} columns");
        assert!(lines.iter().all(|l| l.chars().count() == width));
        assert!(lines.len() <= 23);
    }
}
