//! The `policykg` command: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

// Rust's allocations go to jemalloc, whose background threads return freed memory to the system:
// a corpus build allocates and frees millions of small strings on several threads, where glibc's
// malloc spent about a seventh of the CPU time and let peak memory grow with fragmentation
// (scripts/bench 1000: CPU 62 s -> 53 s, peak RSS 440-510 MB -> 430 MB). RocksDB's C++
// allocations stay with the system's malloc.
#[cfg(feature = "jemalloc")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    policykg::cli::main()
}
