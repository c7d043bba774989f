//! Charts as PNG pictures for Word, drawn by resvg.
//!
//! The labels are set in Liberation Sans, embedded in the program (assets/fonts), so a
//! chart is the same picture on every machine. Only a chart whose labels need glyphs that
//! font lacks (Chinese, Japanese, Korean) also looks among the machine's fonts.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::model::Chart;

/// The embedded typeface of chart labels.
const FAMILY: &str = "Liberation Sans";
static REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");
/// Pixels per CSS pixel of the picture: sharp when printed.
const SCALE: f32 = 2.0;
/// The largest picture side, in pixels (a hostile size must not allocate gigabytes).
const MAX_SIDE: u32 = 8000;

/// A chart drawn as PNG, with its size in pixels.
pub struct Png {
    /// The PNG file.
    pub bytes: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Draws a chart on a white background at twice its CSS size.
pub fn png(chart: &Chart) -> Result<Png, String> {
    let options = usvg::Options {
        font_family: FAMILY.into(),
        fontdb: fonts(needs_more_fonts(&chart.svg)),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&chart.svg, &options)
        .map_err(|e| format!("a chart cannot be drawn: {e}"))?;
    let size = tree.size();
    let width = ((chart.width.max(1) as f32) * SCALE).round() as u32;
    let height = ((chart.height.max(1) as f32) * SCALE).round() as u32;
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(format!(
            "a chart of {}×{} pixels is too large to draw",
            chart.width, chart.height
        ));
    }
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| "a chart cannot be drawn: empty size".to_string())?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let transform = tiny_skia::Transform::from_scale(
        width as f32 / size.width(),
        height as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    let bytes = pixmap
        .encode_png()
        .map_err(|e| format!("a chart cannot be encoded as PNG: {e}"))?;
    Ok(Png {
        bytes,
        width,
        height,
    })
}

/// Whether an SVG's text has characters Liberation Sans lacks (CJK and beyond).
fn needs_more_fonts(svg: &str) -> bool {
    svg.chars().any(|c| c >= '\u{2E80}')
}

/// The font database: the embedded faces, and the machine's when `system` is set (loaded
/// once per process).
fn fonts(system: bool) -> Arc<usvg::fontdb::Database> {
    static EMBEDDED: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    static WITH_SYSTEM: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    let build = |system: bool| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        if system {
            db.load_system_fonts();
        }
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    };
    if system {
        WITH_SYSTEM.get_or_init(|| build(true)).clone()
    } else {
        EMBEDDED.get_or_init(|| build(false)).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(svg: &str) -> Chart {
        Chart {
            svg: svg.into(),
            width: 200,
            height: 100,
            alt: "a test".into(),
            caption: None,
        }
    }

    #[test]
    fn a_chart_becomes_a_png_twice_its_size_the_same_every_time() {
        let c = chart(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><line x1="0" y1="0" x2="200" y2="100" stroke="black"/><text x="10" y="50" font-size="12">Trust 70</text></svg>"#,
        );
        let a = png(&c).unwrap();
        assert_eq!((a.width, a.height), (400, 200));
        assert!(a.bytes.starts_with(b"\x89PNG"));
        assert_eq!(a.bytes, png(&c).unwrap().bytes);
    }

    #[test]
    fn a_broken_or_huge_chart_is_an_error_not_a_panic() {
        assert!(png(&chart("<svg")).is_err());
        let mut huge = chart(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>"#);
        huge.width = 1_000_000;
        assert!(png(&huge).is_err());
    }

    #[test]
    fn only_text_beyond_liberation_sans_looks_for_more_fonts() {
        assert!(!needs_more_fonts(
            "<text>Confiance — 70 % · réanimation</text>"
        ));
        assert!(needs_more_fonts("<text>信任</text>"));
    }
}
