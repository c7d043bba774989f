//! A real, tiny file system for tests of full disks: a tmpfs of a few KiB mounted on a
//! temporary folder (Linux, as root), with a ballast file that fills it and can be removed
//! to give the space back. Elsewhere, or without the right to mount, tests skip with a
//! message.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A mounted tmpfs, unmounted on drop.
pub struct SmallFs {
    dir: tempfile::TempDir,
}

impl SmallFs {
    /// Mounts a tmpfs of `kib` KiB, or returns `None` (with a message) when it cannot.
    pub fn mount(kib: u32) -> Option<SmallFs> {
        let dir = tempfile::tempdir().ok()?;
        let ok = cfg!(target_os = "linux")
            && Command::new("mount")
                .args([
                    "-t",
                    "tmpfs",
                    "-o",
                    &format!("size={kib}k,mode=0777"),
                    "tmpfs",
                ])
                .arg(dir.path())
                .output()
                .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("SKIPPED: cannot mount a small tmpfs here (needs Linux and root)");
            return None;
        }
        Some(SmallFs { dir })
    }

    /// The mount point.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the file system to the last byte with a ballast file.
    pub fn fill(&self) {
        let mut f = std::fs::File::create(self.ballast()).expect("ballast");
        let chunk = [b'#'; 512];
        loop {
            match f.write(&chunk) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
        }
        // Byte by byte for the last partial chunk.
        while f.write(b"#").is_ok_and(|n| n == 1) {}
        let _ = f.sync_all();
    }

    /// Gives the ballast's space back.
    pub fn free(&self) {
        let _ = std::fs::remove_file(self.ballast());
    }

    fn ballast(&self) -> PathBuf {
        self.path().join("ballast")
    }
}

impl Drop for SmallFs {
    fn drop(&mut self) {
        let done = Command::new("umount")
            .arg(self.dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        if !done {
            // Still in use (a failed test may leave its program running): detach it now, so
            // no mount is left behind; the system frees it once the last file is closed.
            let _ = Command::new("umount")
                .arg("-l")
                .arg(self.dir.path())
                .output();
        }
    }
}
