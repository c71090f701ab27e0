//! A build's output folder, written aside and swapped in whole. The build writes into
//! `.out.new-<pid>` beside `out` (same file system, so a rename swaps it in) while it holds a
//! lock on `out` (`.out.lock`, so that two builds never write one output); the swap exchanges
//! the two folders in one step, so a reader sees the old output or the new one, never none.
//! SIGINT and SIGTERM remove the staging folder before the process ends; a folder a killed
//! build (SIGKILL) left is removed by the next build of the same output.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use crate::error::Error;

/// Staging folders of builds under way in this process, removed on SIGINT and SIGTERM. The
/// swap holds this lock too, so that a signal either finds the folder still staged or finds
/// the build done.
static STAGED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The output folder of one build, while it is written.
pub struct Staging {
    path: PathBuf,
    out: PathBuf,
    _lock: File,
}

impl Staging {
    /// Locks `out` for this build, removes the folders killed builds left beside it, and
    /// creates the staging folder.
    pub fn begin(out: &Path) -> Result<Staging, Error> {
        let lock = lock(out)?;
        remove_leftovers(out);
        on_interrupt_remove_staged();
        let path = beside(out, &format!("new-{}", std::process::id()));
        STAGED.lock().expect("not poisoned").push(path.clone());
        std::fs::create_dir_all(&path).map_err(|e| Error::output(&path, e))?;
        Ok(Staging {
            path,
            out: out.to_owned(),
            _lock: lock,
        })
    }

    /// Where the build writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Puts the staging folder in the place of `out` and removes the previous output.
    pub fn commit(self) -> Result<(), Error> {
        let mut staged = STAGED.lock().expect("not poisoned");
        let swapped = if self.out.exists() {
            exchange(&self.path, &self.out)
        } else {
            std::fs::rename(&self.path, &self.out)
        };
        if swapped.is_ok() {
            staged.retain(|p| p != &self.path);
        }
        // Released before `self` drops (which takes it to remove a folder still staged).
        drop(staged);
        swapped.map_err(|e| Error::output(&self.out, e))?;
        // The previous output, if any, is now at the staging path.
        let _ = std::fs::remove_dir_all(&self.path);
        Ok(())
    }
}

impl Drop for Staging {
    /// A build that failed (or returned early) leaves no staging folder behind.
    fn drop(&mut self) {
        let mut staged = STAGED.lock().expect("not poisoned");
        if staged.contains(&self.path) {
            let _ = std::fs::remove_dir_all(&self.path);
            staged.retain(|p| p != &self.path);
        }
    }
}

/// A hidden name beside `out`: `.out.<what>`.
fn beside(out: &Path, what: &str) -> PathBuf {
    let name = out
        .file_name()
        .map_or("out".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!(".{name}.{what}"))
}

/// Takes `out`'s lock file, or says which build holds it.
fn lock(out: &Path) -> Result<File, Error> {
    let path = beside(out, "lock");
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Error::output(parent, e))?;
    }
    let file = File::options()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| Error::output(&path, e))?;
    if try_lock(&file).map_err(|e| Error::output(&path, e))? {
        // Who holds it, for the message another build gives.
        let _ = file.set_len(0);
        let _ = std::fs::write(&path, std::process::id().to_string());
        return Ok(file);
    }
    let holder = std::fs::read_to_string(&path).unwrap_or_default();
    Err(Error::output(
        out,
        format!(
            "in use: another build (pid {}) is writing this output and its store; wait for it to finish or build with another --out",
            holder.trim()
        ),
    ))
}

/// Takes an exclusive lock on the file without waiting (flock: released when the process
/// ends, however it ends); false when another process holds it.
fn try_lock(file: &File) -> std::io::Result<bool> {
    use std::os::fd::AsRawFd;
    // SAFETY: flock on a file descriptor this function borrows open.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
        return Ok(true);
    }
    let e = std::io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EWOULDBLOCK) => Ok(false),
        _ => Err(e),
    }
}

/// Removes the staging folders (`.out.new-<pid>`) that builds killed before they could clean
/// up left beside `out`. Called with `out`'s lock held: no other build is writing one.
fn remove_leftovers(out: &Path) {
    let prefix = beside(out, "new-");
    let (Some(dir), Some(prefix)) = (prefix.parent(), prefix.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = prefix.to_string_lossy();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name
            .strip_prefix(prefix.as_ref())
            .and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| pid != std::process::id()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Swaps two folders in one step (Linux `renameat2(RENAME_EXCHANGE)`), so that `out` always
/// names a whole output; where the file system cannot, in two.
#[cfg(target_os = "linux")]
fn exchange(staging: &Path, out: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (a, b) = (c(staging)?, c(out)?);
    // SAFETY: both are valid NUL-terminated paths, relative to the working directory.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    let e = std::io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) => swap_in_two_steps(staging, out),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(staging: &Path, out: &Path) -> std::io::Result<()> {
    swap_in_two_steps(staging, out)
}

/// `out` moves aside, the new folder into its place, the old one to where the new one was (a
/// reader may find no output for that moment).
fn swap_in_two_steps(staging: &Path, out: &Path) -> std::io::Result<()> {
    let aside = beside(out, &format!("old-{}", std::process::id()));
    std::fs::rename(out, &aside)?;
    if let Err(e) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(&aside, out);
        return Err(e);
    }
    std::fs::rename(&aside, staging)
}

/// On SIGINT or SIGTERM: remove the staging folders, say so, and end as the signal would
/// (exit status 128 + its number).
fn on_interrupt_remove_staged() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until the process ends: no swap starts after this.
                let staged = STAGED.lock().unwrap_or_else(|e| e.into_inner());
                for path in staged.iter() {
                    remove_while_written(path);
                    eprintln!(
                        "interrupted: removed the unfinished build {}; the previous output is as it was",
                        path.display()
                    );
                }
                // _exit: no exit handlers run while the store's threads may still be working.
                // SAFETY: ends the process; nothing after it runs.
                unsafe { libc::_exit(128 + signal) };
            }
        });
    });
}

/// Removes a folder that other threads may still be writing into (the store's files).
fn remove_while_written(path: &Path) {
    for _ in 0..100 {
        match std::fs::remove_dir_all(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                std::thread::sleep(std::time::Duration::from_millis(10))
            }
            _ => return,
        }
    }
}
