//! Deadlines for queries. Oxigraph stops an evaluation whose cancellation token is cancelled,
//! but only where it next checks the token (when it reads the store), which a join working in
//! memory may not do for a long while. So the evaluation runs on a thread of its own and the
//! request waits for it at most until the deadline: past it, the token is cancelled and the
//! client answered at once; the evaluation ends at its next check.

use std::sync::mpsc::channel;
use std::time::Duration;

use oxigraph::sparql::CancellationToken;

/// Runs `work` on a thread of its own and waits at most `timeout` for it; past that, cancels
/// `token` and gives `None`.
pub fn within<T: Send + 'static>(
    timeout: Duration,
    token: &CancellationToken,
    work: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (done, result) = channel();
    let spawned = std::thread::Builder::new()
        .name("query".into())
        .spawn(move || {
            // The receiver is gone when the deadline passed first: nobody wants the result.
            let _ = done.send(work());
        });
    if spawned.is_err() {
        token.cancel();
        return None;
    }
    let answer = result.recv_timeout(timeout).ok();
    if answer.is_none() {
        token.cancel();
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_past_the_deadline_is_cancelled_and_gives_none() {
        let token = CancellationToken::new();
        let watched = token.clone();
        let answer = within(Duration::from_millis(10), &token, move || {
            while !watched.is_cancelled() {
                std::thread::sleep(Duration::from_millis(1));
            }
            "cancelled"
        });
        assert_eq!(answer, None);
        assert!(token.is_cancelled());
    }

    #[test]
    fn work_within_the_deadline_gives_its_result() {
        let token = CancellationToken::new();
        assert_eq!(within(Duration::from_secs(600), &token, || 42), Some(42));
        assert!(!token.is_cancelled());
    }
}
