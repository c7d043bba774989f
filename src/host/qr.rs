//! A seat's URL as a QR code in text lines, for a terminal to draw (two modules per
//! character cell, with the quiet zone the standard asks for).

/// The QR code of `url` as lines of `█`, `▀`, `▄` and spaces, for a terminal with light text
/// on a dark background (the blocks are the code's light modules), or `None` when the text
/// is too long for a QR code.
pub fn lines(url: &str) -> Option<Vec<String>> {
    lines_on(url, true)
}

/// Modules of light margin around the code. The standard asks for four; two scan well on
/// a screen and keep the code small enough for an 80×24 terminal.
const QUIET: usize = 2;

/// The QR code of `url` for a terminal with a dark (`true`) or a light background: the
/// blocks are the code's light modules on a dark background, its dark ones on a light one.
/// Two modules per character cell (upper and lower half).
pub fn lines_on(url: &str, dark_background: bool) -> Option<Vec<String>> {
    let code = qrcode::QrCode::with_error_correction_level(url, qrcode::EcLevel::M).ok()?;
    let w = code.width();
    let colors = code.to_colors();
    let size = w + 2 * QUIET;
    // Whether the module at (x, y) of the margined square is drawn as a block.
    let drawn = |x: usize, y: usize| -> bool {
        let dark = x >= QUIET
            && y >= QUIET
            && x < QUIET + w
            && y < QUIET + w
            && colors[(y - QUIET) * w + (x - QUIET)] == qrcode::Color::Dark;
        dark != dark_background
    };
    let mut out = Vec::with_capacity(size.div_ceil(2));
    for y in (0..size).step_by(2) {
        let line: String = (0..size)
            .map(|x| {
                let top = drawn(x, y);
                let bottom = y + 1 < size && drawn(x, y + 1);
                match (top, bottom) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                }
            })
            .collect();
        out.push(line);
    }
    Some(out)
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
