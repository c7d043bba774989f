//! The scenarios bundled with Downtime, embedded in the binary at build time.

use crate::scenario::files::EmbeddedFiles;
use crate::scenario::load::{self, Loaded};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The attachments the bundled scenarios may name.
pub const FILES: EmbeddedFiles = EmbeddedFiles::new(generated::FILES);

/// A bundled scenario file.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    /// File name, e.g. `tutorial.ron`.
    pub name: &'static str,
    /// Its text.
    pub text: &'static str,
}

impl Bundled {
    /// How journals and messages name it: `bundled:tutorial.ron`.
    pub fn source(&self) -> String {
        format!("bundled:{}", self.name)
    }

    /// Loads and validates it.
    pub fn load(&self) -> Loaded {
        load::load_bytes(&self.source(), self.text.as_bytes(), &FILES)
    }
}

/// Every bundled scenario, tutorial first, then by file name.
pub fn all() -> Vec<Bundled> {
    let mut v: Vec<Bundled> = generated::SCENARIOS
        .iter()
        .map(|&(name, text)| Bundled { name, text })
        .collect();
    v.sort_by_key(|b| (b.name != "tutorial.ron", b.name));
    v
}

/// Finds a bundled scenario by file name, with or without `.ron` or `bundled:`.
pub fn find(name: &str) -> Option<Bundled> {
    let n = name.trim_start_matches("bundled:");
    all()
        .into_iter()
        .find(|b| b.name == n || b.name.trim_end_matches(".ron") == n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tutorial_is_bundled_and_loads_with_its_attachment() {
        let t = find("tutorial").expect("tutorial is bundled");
        let loaded = t.load();
        assert_eq!(
            loaded.report.diagnostics,
            vec![],
            "{}",
            loaded.report.render_text(100)
        );
        let s = loaded.scenario.unwrap();
        assert!(s.injects.iter().any(|i| {
            i.attachment
                .as_ref()
                .is_some_and(|a| a.text.contains("ENCRYPTED"))
        }));
    }
}
