//! Appending to a journal file, durably, as its only writer.
//!
//! A writer holds an exclusive lock for as long as it lives (a `NAME.lock` file beside the
//! journal, locked with the operating system's file locks, holding the writer's process id),
//! so a second console on the same journal is refused before it writes anything. The journal
//! itself is opened in append mode and never locked, so readers (`present`, `report`, `fork`)
//! can follow it on every platform. A line is either written whole and fsynced, or cut away
//! again: a failed write leaves the file exactly as it was.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::{Entry, Header, MAX_JOURNAL, MAX_LINE};

/// Why a journal cannot be opened or appended to.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Another process writes this journal.
    #[error("journal {path} is open in another console ({})", pid_text(*.pid))]
    Locked {
        /// The journal.
        path: String,
        /// The other writer's process id, when it can be read.
        pid: Option<u32>,
    },
    /// A line the reader would refuse; nothing was written.
    #[error("{0}")]
    TooLong(String),
    /// The file system refused; the journal is as it was before.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

fn pid_text(pid: Option<u32>) -> String {
    match pid {
        Some(p) => format!("pid {p}"),
        None => "pid unknown".into(),
    }
}

/// Appends lines to a journal, each flushed and fsynced before `append` returns.
#[derive(Debug)]
pub struct JournalWriter {
    file: File,
    path: PathBuf,
    /// Length of the journal as last known to be whole (every line complete and durable).
    len: u64,
    /// Set when a failed write may have left bytes beyond `len` that could not be cut yet.
    dirty: bool,
    _lock: WriterLock,
}

impl JournalWriter {
    /// Creates a new journal (refusing to overwrite one) and writes its header. If the header
    /// cannot be written, the file is removed again.
    pub fn create(path: &Path, header: &Header) -> Result<Self, WriteError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let line = serialize(header)?;
        let lock = WriterLock::acquire(path)?;
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create_new(true)
            .open(path)?;
        let mut w = JournalWriter {
            file,
            path: path.to_path_buf(),
            len: 0,
            dirty: false,
            _lock: lock,
        };
        if let Err(e) = w.write_line(&line) {
            let _ = std::fs::remove_file(path);
            return Err(e);
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && let Ok(d) = File::open(dir)
        {
            // Make the new directory entry durable too.
            let _ = d.sync_all();
        }
        Ok(w)
    }

    /// Opens an existing journal to append to it, after taking its lock. `valid_len` is the
    /// length of its intact part: a torn last line beyond it is cut off first. Call it with
    /// the journal as read after [`JournalWriter::lock`], so nobody wrote in between.
    pub fn append_to(lock: WriterLock, path: &Path, valid_len: u64) -> Result<Self, WriteError> {
        let file = OpenOptions::new().read(true).append(true).open(path)?;
        let mut w = JournalWriter {
            file,
            path: path.to_path_buf(),
            len: valid_len,
            dirty: true,
            _lock: lock,
        };
        w.make_whole()?;
        // A last line written whole but for its newline (kept by the reader) is ended now.
        if w.len > 0 && !w.last_byte_is_newline()? {
            w.write_bytes(b"\n")?;
        }
        Ok(w)
    }

    /// Takes the lock of the journal at `path` without opening the journal.
    pub fn lock(path: &Path) -> Result<WriterLock, WriteError> {
        WriterLock::acquire(path)
    }

    /// The journal's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Serialises an entry as the line it would be written as, refusing what the reader
    /// would refuse (a line longer than [`MAX_LINE`]).
    pub fn line(entry: &Entry) -> Result<String, WriteError> {
        serialize(entry)
    }

    /// Appends one line made by [`JournalWriter::line`] and makes it durable. On failure the
    /// journal is left as it was (or will be cut back before the next write).
    pub fn append_line(&mut self, line: &str) -> Result<(), WriteError> {
        if self.len + line.len() as u64 + 1 > MAX_JOURNAL {
            return Err(WriteError::TooLong(format!(
                "the journal would grow beyond {} MiB, which Downtime cannot read back; end the exercise or fork it",
                MAX_JOURNAL / (1024 * 1024)
            )));
        }
        self.write_line(line)
    }

    /// Appends one entry and makes it durable.
    pub fn append(&mut self, entry: &Entry) -> Result<(), WriteError> {
        let line = Self::line(entry)?;
        self.append_line(&line)
    }

    fn write_line(&mut self, line: &str) -> Result<(), WriteError> {
        let mut buf = Vec::with_capacity(line.len() + 1);
        buf.extend_from_slice(line.as_bytes());
        buf.push(b'\n');
        self.write_bytes(&buf)
    }

    /// Writes bytes at the end and fsyncs them; on failure cuts them away again.
    fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), WriteError> {
        self.make_whole()?;
        let written = self
            .file
            .write_all(bytes)
            .and_then(|()| self.file.flush())
            .and_then(|()| self.file.sync_data());
        match written {
            Ok(()) => {
                self.len += bytes.len() as u64;
                Ok(())
            }
            Err(e) => {
                self.dirty = true;
                // Best effort now; if it fails, the next write tries again before writing.
                let _ = self.make_whole();
                Err(e.into())
            }
        }
    }

    /// Cuts the file back to its last whole line if a failed write may have left bytes.
    fn make_whole(&mut self) -> std::io::Result<()> {
        if !self.dirty {
            return Ok(());
        }
        if self.file.metadata()?.len() != self.len {
            // An append-only handle cannot truncate on every platform: use a second one.
            let f = OpenOptions::new().write(true).open(&self.path)?;
            f.set_len(self.len)?;
            f.sync_all()?;
        }
        self.dirty = false;
        Ok(())
    }

    fn last_byte_is_newline(&mut self) -> std::io::Result<bool> {
        use std::io::{Seek, SeekFrom};
        let mut f = File::open(&self.path)?;
        f.seek(SeekFrom::Start(self.len - 1))?;
        let mut b = [0u8; 1];
        f.read_exact(&mut b)?;
        Ok(b[0] == b'\n')
    }
}

fn serialize<T: serde::Serialize>(value: &T) -> Result<String, WriteError> {
    let line = serde_json::to_string(value).map_err(std::io::Error::other)?;
    if line.len() > MAX_LINE {
        return Err(WriteError::TooLong(format!(
            "this entry would take {} bytes in the journal, more than the {MAX_LINE} a journal line may hold; \
             nothing was saved (shorten the text and try again)",
            line.len()
        )));
    }
    Ok(line)
}

/// The exclusive right to write one journal: a locked `NAME.lock` file beside it, holding
/// the process id. Released (and the file removed) when dropped, or by the operating system
/// when the process dies.
#[derive(Debug)]
pub struct WriterLock {
    file: File,
    path: PathBuf,
}

impl WriterLock {
    /// Takes the lock of the journal at `journal`, or says who holds it.
    fn acquire(journal: &Path) -> Result<Self, WriteError> {
        let path = lock_path(journal);
        // Another writer may remove the file between our open and our lock: try again then.
        for attempt in 0..3 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => {
                    // A presenter probing whether the writer is alive holds a shared lock
                    // for an instant (see `writer_alive`): look again before refusing.
                    if attempt < 2 {
                        std::thread::sleep(std::time::Duration::from_millis(50));
                        continue;
                    }
                    return Err(WriteError::Locked {
                        path: journal.display().to_string(),
                        pid: read_pid(&mut file),
                    });
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
            }
            if !same_file(&file, &path) {
                continue;
            }
            // The process id only names the holder in messages: a full disk may refuse it.
            let _ = file
                .set_len(0)
                .and_then(|()| file.write_all(format!("{}\n", std::process::id()).as_bytes()));
            return Ok(WriterLock { file, path });
        }
        Err(WriteError::Locked {
            path: journal.display().to_string(),
            pid: None,
        })
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        // Remove the file while still holding the lock, so no one locks a file about to go.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// The lock file of a journal: `NAME.lock` beside it (e.g. `j.jsonl.lock`).
pub fn lock_path(journal: &Path) -> PathBuf {
    let mut name = journal.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    journal.with_file_name(name)
}

/// Whether the console writing `journal` is still running, as its lock file tells: `None`
/// when there is no lock file (no console has it open, or it quit), `Some(false)` when the
/// file is there but nobody holds its lock (the console crashed), `Some(true)` when it is
/// held. Readers use it to notice a crash within a second instead of waiting for a missed
/// heartbeat; it takes a shared lock for an instant and never blocks.
pub fn writer_alive(journal: &Path) -> Option<bool> {
    let file = File::open(lock_path(journal)).ok()?;
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            Some(false)
        }
        Err(std::fs::TryLockError::WouldBlock) => Some(true),
        Err(std::fs::TryLockError::Error(_)) => None,
    }
}

fn read_pid(file: &mut File) -> Option<u32> {
    let mut s = String::new();
    file.take(32).read_to_string(&mut s).ok()?;
    s.trim().parse().ok()
}

/// Whether the open `file` is still the one at `path` (not removed and replaced).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Whether the open `file` is still the one at `path` (Windows does not remove open files).
#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// The folder journals go to by default: the platform's data directory
/// (`$XDG_DATA_HOME/downtime/journals` on Linux).
pub fn default_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "downtime")
        .map(|d| d.data_dir().join("journals"))
        .unwrap_or_else(|| PathBuf::from("journals"))
}

/// The journal in `dir` that a console has open and that was written to last, at
/// wall-clock `now` (ms since the Unix epoch): its `NAME.lock` is there and its last
/// heartbeat is live (a console that crashed leaves its lock file, not its heartbeats;
/// journals of consoles without heartbeats count while their lock is there). `None` when
/// no console has one open. This is what `present --latest` follows.
pub fn newest_open(dir: &Path, now: i64) -> Option<PathBuf> {
    let mut candidates: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("jsonl") || !path.is_file() {
            continue;
        }
        if !lock_path(&path).exists() {
            continue;
        }
        if let Ok(modified) = entry.metadata().and_then(|m| m.modified()) {
            candidates.push((modified, path));
        }
    }
    candidates.sort_by(|a, b| b.cmp(a));
    candidates.into_iter().map(|(_, p)| p).find(|p| {
        super::read_journal(p)
            .is_ok_and(|r| super::marks::last_beat(&r.marks).is_none_or(|b| b.live_at(now)))
    })
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

/// A new journal path in the default folder for a scenario and seed, stamped with the wall
/// clock; never an existing file.
pub fn fresh_path(scenario_id: &str, seed: u64) -> PathBuf {
    let base = default_path(
        scenario_id,
        &format!("{}-s{seed}", crate::wall::file_stamp()),
    );
    let mut p = base.clone();
    let mut n = 2;
    while p.exists() {
        p = base.with_file_name(format!(
            "{}-{n}.jsonl",
            base.file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("journal")
        ));
        n += 1;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_file_tells_a_running_writer_from_a_crashed_one() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("j.jsonl");
        assert_eq!(
            writer_alive(&journal),
            None,
            "no lock file: nobody has it open"
        );
        let lock = WriterLock::acquire(&journal).unwrap();
        assert_eq!(writer_alive(&journal), Some(true));
        // The probe does not get in the writer's way.
        assert!(matches!(
            WriterLock::acquire(&journal),
            Err(WriteError::Locked { .. })
        ));
        drop(lock);
        assert_eq!(
            writer_alive(&journal),
            None,
            "a writer that quit removes it"
        );
        // A crash leaves the file behind, unlocked.
        std::fs::write(lock_path(&journal), "123\n").unwrap();
        assert_eq!(writer_alive(&journal), Some(false));
        // A new writer takes it over.
        let _lock = WriterLock::acquire(&journal).unwrap();
        assert_eq!(writer_alive(&journal), Some(true));
    }
}
