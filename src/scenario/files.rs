//! Where a scenario's attachments come from: the file system beside the scenario (or its
//! `assets/` folder), or files embedded in the binary for the bundled scenarios.
//!
//! Paths are untrusted: absolute paths, `..` components and symbolic links that lead
//! outside the allowed folders are refused.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Largest attachment accepted, in bytes.
pub const MAX_ATTACHMENT: u64 = 1024 * 1024;

/// Reads the files a scenario names.
pub trait Files {
    /// Reads a text file named by the scenario, or explains why it cannot be used.
    fn read(&self, name: &str) -> Result<String, String>;
}

/// Checks the shape of a path written in a scenario, before any file system access.
pub fn check_relative(name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err("the path is empty".into());
    }
    if name.contains('\0') {
        return Err("the path contains a NUL character".into());
    }
    if name.contains('\\') {
        return Err("write paths with `/`, not `\\`".into());
    }
    let p = Path::new(name);
    if p.is_absolute() || name.starts_with('/') || name.chars().nth(1) == Some(':') {
        return Err("absolute paths are not allowed; name the file relative to the scenario's folder, e.g. `attachments/note.txt`".into());
    }
    for c in p.components() {
        match c {
            Component::ParentDir => {
                return Err("`..` is not allowed: attachments must lie in the scenario's folder or in `assets/`".into());
            }
            Component::Normal(_) | Component::CurDir => {}
            _ => return Err("the path must be relative".into()),
        }
    }
    Ok(())
}

/// Files beside a scenario on disk.
#[derive(Clone, Debug)]
pub struct FsFiles {
    dir: PathBuf,
}

impl FsFiles {
    /// Attachments resolve against `dir` (the scenario's folder).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        FsFiles { dir: dir.into() }
    }

    /// The folders a name may resolve into, with the part of the name inside each and the
    /// folder that one must itself lie in (an `assets/` folder that is a symbolic link
    /// leading elsewhere is refused too).
    fn candidates<'a>(&self, name: &'a str) -> Vec<(PathBuf, &'a str, PathBuf)> {
        match name.strip_prefix("assets/") {
            Some(rest) => {
                let mut v = vec![(self.dir.join("assets"), rest, self.dir.clone())];
                if let Some(parent) = self.dir.parent() {
                    let parent = if parent.as_os_str().is_empty() {
                        Path::new(".")
                    } else {
                        parent
                    };
                    v.push((parent.join("assets"), rest, parent.to_path_buf()));
                }
                v.push((self.dir.clone(), name, self.dir.clone()));
                v
            }
            None => vec![(self.dir.clone(), name, self.dir.clone())],
        }
    }
}

impl Files for FsFiles {
    fn read(&self, name: &str) -> Result<String, String> {
        check_relative(name)?;
        let mut looked = Vec::new();
        for (root, rel, base) in self.candidates(name) {
            let Ok(root_real) = root.canonicalize() else {
                looked.push(root.join(rel).display().to_string());
                continue;
            };
            if let Ok(base_real) = base.canonicalize()
                && !root_real.starts_with(&base_real)
            {
                return Err(format!(
                    "`{}` is a symbolic link that leads outside `{}`; attachments must stay in the scenario's folder or `assets/`",
                    root.display(),
                    base.display()
                ));
            }
            let path = root.join(rel);
            let Ok(real) = path.canonicalize() else {
                looked.push(path.display().to_string());
                continue;
            };
            if !real.starts_with(&root_real) {
                return Err(format!(
                    "`{name}` leads outside `{}` (through a symbolic link); attachments must stay in the scenario's folder or `assets/`",
                    root.display()
                ));
            }
            let meta =
                std::fs::metadata(&real).map_err(|e| format!("cannot read `{name}`: {e}"))?;
            if !meta.is_file() {
                return Err(format!("`{name}` is not a regular file"));
            }
            if meta.len() > MAX_ATTACHMENT {
                return Err(format!(
                    "`{name}` is {} bytes; attachments are limited to {MAX_ATTACHMENT} bytes (1 MiB)",
                    meta.len()
                ));
            }
            let mut bytes = Vec::new();
            std::fs::File::open(&real)
                .and_then(|f| f.take(MAX_ATTACHMENT + 1).read_to_end(&mut bytes))
                .map_err(|e| format!("cannot read `{name}`: {e}"))?;
            return String::from_utf8(bytes).map_err(|e| {
                format!(
                    "`{name}` is not UTF-8 text (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                )
            });
        }
        Err(format!(
            "`{name}` not found; looked for {}",
            looked.join(" and ")
        ))
    }
}

/// Files compiled into the binary, for the bundled scenarios.
#[derive(Clone, Copy, Debug)]
pub struct EmbeddedFiles {
    files: &'static [(&'static str, &'static str)],
}

impl EmbeddedFiles {
    /// A table of `(path, text)` pairs, paths as a scenario names them.
    pub const fn new(files: &'static [(&'static str, &'static str)]) -> Self {
        EmbeddedFiles { files }
    }
}

impl Files for EmbeddedFiles {
    fn read(&self, name: &str) -> Result<String, String> {
        check_relative(name)?;
        self.files
            .iter()
            .find(|(p, _)| *p == name)
            .map(|(_, t)| t.to_string())
            .ok_or_else(|| format!("`{name}` is not among the bundled files"))
    }
}

/// No files at all: every attachment is refused (for scenarios read from a string).
#[derive(Clone, Copy, Debug, Default)]
pub struct NoFiles;

impl Files for NoFiles {
    fn read(&self, name: &str) -> Result<String, String> {
        check_relative(name)?;
        Err(format!(
            "`{name}` cannot be read: this scenario has no folder"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_checked_before_use() {
        assert!(
            check_relative("/etc/passwd")
                .unwrap_err()
                .contains("absolute")
        );
        assert!(check_relative("../secret.txt").unwrap_err().contains(".."));
        assert!(check_relative("a/../../b").unwrap_err().contains(".."));
        assert!(check_relative("a\\b").is_err());
        assert!(check_relative("").is_err());
        assert!(check_relative("attachments/note.txt").is_ok());
    }

    #[test]
    fn files_resolve_inside_the_folder_only() {
        let tmp = std::env::temp_dir().join(format!("downtime-files-{}", std::process::id()));
        let dir = tmp.join("scenarios");
        std::fs::create_dir_all(dir.join("att")).unwrap();
        std::fs::create_dir_all(tmp.join("assets")).unwrap();
        std::fs::write(dir.join("att/note.txt"), "hello").unwrap();
        std::fs::write(tmp.join("assets/shared.txt"), "shared").unwrap();
        std::fs::write(tmp.join("outside.txt"), "secret").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(tmp.join("outside.txt"), dir.join("link.txt")).unwrap();
        let files = FsFiles::new(&dir);
        assert_eq!(files.read("att/note.txt").unwrap(), "hello");
        assert_eq!(files.read("assets/shared.txt").unwrap(), "shared");
        assert!(files.read("missing.txt").unwrap_err().contains("not found"));
        #[cfg(unix)]
        assert!(files.read("link.txt").unwrap_err().contains("outside"));
        // An `assets/` folder that is itself a link to elsewhere.
        #[cfg(unix)]
        {
            std::fs::write(tmp.join("outside2.txt"), "secret").unwrap();
            let linked = tmp.join("linked");
            std::fs::create_dir_all(&linked).unwrap();
            std::os::unix::fs::symlink(&tmp, linked.join("assets")).unwrap();
            let err = FsFiles::new(&linked)
                .read("assets/outside2.txt")
                .unwrap_err();
            assert!(err.contains("symbolic link"), "{err}");
        }
        std::fs::remove_dir_all(&tmp).unwrap();
    }
}
