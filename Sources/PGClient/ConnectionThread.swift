import Foundation

/// The thread of one connection: it runs the connection's jobs (libpq calls that wait for the
/// server) one after another, so that no thread of Swift's cooperative pool ever waits for the
/// server. See "Waiting for the server" in DESIGN.md.
///
/// A job that is still queued can be dropped; one that is running can be interrupted (the
/// connection's `PQcancel`, sent from a short-lived thread of its own, since it connects to the
/// server). The next job starts only after the interruption was delivered, so a late cancel
/// request never hits the statement after the one it was meant for.
final class ConnectionThread: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [Job] = []
    private var running: UInt64?
    private var interrupting = false
    private var stopped = false
    private var lastID: UInt64 = 0

    private struct Job {
        let id: UInt64
        let run: @Sendable () -> Void
        let drop: @Sendable () -> Void
    }

    init(name: String) {
        let thread = Thread { [self] in
            blockAsynchronousSignals()
            loop()
        }
        thread.name = name
        // libpq and the row wrapping need little stack; decoding runs on the caller's side.
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Queues `run`; `drop` is called instead when the job is cancelled before it starts, or the
    /// thread was stopped. Returns the job's id, for ``cancel(_:interrupt:)``.
    @discardableResult
    func submit(_ run: @escaping @Sendable () -> Void, dropped drop: @escaping @Sendable () -> Void) -> UInt64 {
        condition.lock()
        if stopped {
            condition.unlock()
            drop()
            return 0
        }
        lastID += 1
        let id = lastID
        queue.append(Job(id: id, run: run, drop: drop))
        condition.signal()
        condition.unlock()
        return id
    }

    /// Cancels the job `id`: drops it when it has not started; when it is running, calls
    /// `interrupt` on a new thread (once, however often it is asked), and holds the next job back
    /// until `interrupt` returned. Does nothing for a job that has finished.
    func cancel(_ id: UInt64, interrupt: @escaping @Sendable () -> Void) {
        condition.lock()
        if let index = queue.firstIndex(where: { $0.id == id }) {
            let job = queue.remove(at: index)
            condition.unlock()
            job.drop()
            return
        }
        guard running == id, !interrupting else {
            condition.unlock()
            return
        }
        interrupting = true
        condition.unlock()
        let thread = Thread { [self] in
            blockAsynchronousSignals()
            interrupt()
            condition.lock()
            interrupting = false
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "pg-cancel"
        thread.start()
    }

    /// Lets the queued jobs finish, then ends the thread.
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        condition.lock()
        while true {
            while queue.isEmpty, !stopped { condition.wait() }
            if queue.isEmpty { break }
            var job: Job? = queue.removeFirst()
            running = job?.id
            condition.unlock()
            job?.run()
            // Released before the lock is taken again: the job may hold the last reference to its
            // connection, whose deinit stops this thread, which takes the lock.
            job = nil
            condition.lock()
            running = nil
            while interrupting { condition.wait() }
        }
        condition.unlock()
    }
}

/// The id of a job from the moment it is submitted, for a cancellation handler that may run
/// before that moment.
final class JobTicket: @unchecked Sendable {
    private let lock = NSLock()
    private var id: UInt64?
    private var cancelled = false

    /// Records the id; `false` when the ticket was cancelled before, and the job must be cancelled now.
    func assign(_ id: UInt64) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        self.id = id
        return !cancelled
    }

    /// Marks the ticket cancelled; returns the job's id if it was submitted already.
    func cancel() -> UInt64? {
        lock.lock()
        defer { lock.unlock() }
        cancelled = true
        return id
    }
}

/// Keeps signals such as SIGCHLD away from the package's threads, as libdispatch does for its
/// own: a signal that a library waits for with `signalfd` (Foundation's `Process` reaps its
/// children that way) is lost when it is delivered to a thread that has it unblocked. Faults
/// (SIGSEGV and the like) stay unblocked.
package func blockAsynchronousSignals() {
    var signals = sigset_t()
    sigfillset(&signals)
    for fault in [SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGBUS, SIGSEGV, SIGSYS] { sigdelset(&signals, fault) }
    pthread_sigmask(SIG_BLOCK, &signals, nil)
}
