//! Appending to a journal file, durably.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Entry, Header};

/// Appends lines to a journal, each flushed and fsynced before `append` returns.
#[derive(Debug)]
pub struct JournalWriter {
    file: File,
    path: PathBuf,
}

impl JournalWriter {
    /// Creates a new journal (refusing to overwrite one) and writes its header.
    pub fn create(path: &Path, header: &Header) -> std::io::Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let file = OpenOptions::new().write(true).create_new(true).open(path)?;
        let mut w = JournalWriter {
            file,
            path: path.to_path_buf(),
        };
        w.write_line(&serde_json::to_string(header).map_err(std::io::Error::other)?)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && let Ok(d) = File::open(dir)
        {
            // Make the new directory entry durable too.
            let _ = d.sync_all();
        }
        Ok(w)
    }

    /// Opens an existing journal to append to it. `valid_len` is the length of its intact
    /// part: a torn last line beyond it is cut off first.
    pub fn append_to(path: &Path, valid_len: u64) -> std::io::Result<Self> {
        let file = OpenOptions::new().read(true).write(true).open(path)?;
        if file.metadata()?.len() != valid_len {
            file.set_len(valid_len)?;
            file.sync_all()?;
        }
        let mut file = file;
        use std::io::Seek;
        file.seek(std::io::SeekFrom::End(0))?;
        Ok(JournalWriter {
            file,
            path: path.to_path_buf(),
        })
    }

    /// The journal's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one entry and makes it durable.
    pub fn append(&mut self, entry: &Entry) -> std::io::Result<()> {
        self.write_line(&serde_json::to_string(entry).map_err(std::io::Error::other)?)
    }

    fn write_line(&mut self, line: &str) -> std::io::Result<()> {
        let mut buf = String::with_capacity(line.len() + 1);
        buf.push_str(line);
        buf.push('\n');
        self.file.write_all(buf.as_bytes())?;
        self.file.flush()?;
        self.file.sync_data()
    }
}

/// The folder journals go to by default: the platform's data directory
/// (`$XDG_DATA_HOME/downtime/journals` on Linux).
pub fn default_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "downtime")
        .map(|d| d.data_dir().join("journals"))
        .unwrap_or_else(|| PathBuf::from("journals"))
}

/// A fresh journal path for a scenario, named after it and the wall-clock time.
pub fn default_path(scenario_id: &str, stamp: &str) -> PathBuf {
    let safe: String = scenario_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    default_dir().join(format!("{safe}-{stamp}.jsonl"))
}
