//! Properties of the console's line breaking (UAX #14, measured by display width) over
//! random mixes of Latin, French, Chinese, emoji and spaces.

use downtime::tui::wrap::{width, wrap};
use proptest::prelude::*;

/// Text from pieces of several scripts, joined by single spaces or nothing.
fn mixed() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z]{1,14}",
        "(é|à|ç|ô|œ){1,6}",
        "[网络已被隔离请立即报告危机小组]{1,12}",
        Just("，".to_string()),
        Just("。".to_string()),
        Just("）".to_string()),
        Just("「引用」".to_string()),
        Just("🙂🚑".to_string()),
        Just("mot\u{a0}:".to_string()),
        Just("«\u{a0}oui\u{a0}»".to_string()),
        Just("https://example.org/a/very/long/path/without/any/space".to_string()),
    ];
    prop::collection::vec((piece, prop::bool::ANY), 0..24).prop_map(|v| {
        v.into_iter()
            .map(|(p, space)| if space { format!("{p} ") } else { p })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_line_is_wider_than_the_width_and_nothing_is_lost(text in mixed(), max in 2usize..40) {
        let lines = wrap(&text, max);
        for l in &lines {
            prop_assert!(width(l) <= max, "{max}: {lines:?}");
        }
        // Joined, the lines give the text back less the spaces dropped at the breaks.
        let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
        let want: String = text.chars().filter(|c| *c != ' ').collect();
        prop_assert_eq!(joined, want);
    }

    #[test]
    fn chinese_closing_punctuation_never_starts_a_line(text in mixed(), max in 4usize..40) {
        let lines = wrap(&text, max);
        for (k, l) in lines.iter().enumerate().skip(1) {
            // Only a piece wider than the line may be cut before one (by character).
            let prev_full = width(&lines[k - 1]) + 2 > max;
            prop_assert!(prev_full || !l.starts_with(['，', '。', '）', '」']), "{max}: {lines:?}");
        }
    }
}
