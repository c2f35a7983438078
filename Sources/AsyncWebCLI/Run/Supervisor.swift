import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The loop of `asyncweb run`: holds the listening socket, builds the app and keeps one
/// server process on the socket (the app, or the build's error page), rebuilding and
/// restarting it when a Swift source changes.
///
/// One thread, one `poll`: on the signal pipe, the source watcher and the running build's
/// output. Only one child at a time holds the socket, so the steps never overlap: a new
/// server starts only once the old one has stopped.
final class Supervisor {
    struct Settings {
        let product: String
        let binary: String
        let reload: Bool
        /// The app's environment: this process's, with debug mode and the socket's number.
        let appEnvironment: [String: String]
    }

    /// How long a batch of changes must be quiet before the build starts: editors write a
    /// save as several events, and a formatter may follow.
    private static let settleTime: Duration = .milliseconds(200)
    /// An app that exits on its own after running this long is started again at once (a
    /// crash while serving a request); sooner, it waits for a change (a crash at start-up
    /// would only repeat).
    private static let restartAfterCrashWhenUpFor: Duration = .seconds(2)

    private let package: SwiftPackage
    private let settings: Settings
    private let socket: ListeningSocket
    private let watcher: SourceWatcher?

    private var build: RunningBuild?
    private var server: ChildProcess?
    private var serverIsApp = false
    private var serverStartedAt = ContinuousClock.now
    /// When the changes seen so far have settled and the next build may start.
    private var changesSettleAt: ContinuousClock.Instant?
    private var hasStarted = false
    private let errorPagePath = NSTemporaryDirectory() + "asyncweb-build-error-\(getpid()).html"

    init(package: SwiftPackage, settings: Settings, socket: ListeningSocket, watcher: SourceWatcher?) {
        self.package = package
        self.settings = settings
        self.socket = socket
        self.watcher = watcher
    }

    /// Builds and serves until SIGINT or SIGTERM; the exit status.
    func run() -> Int32 {
        defer { stopEverything() }
        startBuild()
        while SignalPipe.stopRequested == 0 {
            waitForEvents()
            SignalPipe.drain()
            if let files = watcher?.changedFiles(), let first = files.first {
                if changesSettleAt == nil { Console.say(" * Detected change in '\(first)', reloading") }
                changesSettleAt = .now + Self.settleTime
            }
            if let build {
                build.readOutput()
                if let succeeded = build.succeeded {
                    self.build = nil
                    if let status = finishBuild(succeeded: succeeded, output: build.text) { return status }
                }
            }
            if let status = checkServer() { return status }
            if build == nil, let settleAt = changesSettleAt, settleAt <= .now {
                changesSettleAt = nil
                startBuild()
            }
        }
        return 0
    }

    private func waitForEvents() {
        var descriptors = [pollfd(fd: SignalPipe.readEnd, events: Int16(POLLIN), revents: 0)]
        if let watcher { descriptors.append(pollfd(fd: watcher.descriptor, events: Int16(POLLIN), revents: 0)) }
        if let build { descriptors.append(pollfd(fd: build.output, events: Int16(POLLIN), revents: 0)) }
        // SIGCHLD wakes the loop when a child exits; the timeout is a backstop.
        var timeout: Int32 = 1000
        if let settleAt = changesSettleAt {
            let remaining = ContinuousClock.now.duration(to: settleAt).components
            timeout = Int32(max(0, min(Int64(timeout), remaining.seconds * 1000 + remaining.attoseconds / 1_000_000_000_000_000 + 1)))
        }
        _ = poll(&descriptors, nfds_t(descriptors.count), timeout)
    }

    private func startBuild() {
        do {
            build = try RunningBuild([SwiftPackage.swift] + package.buildArguments(product: settings.product), environment: ProcessInfo.processInfo.environment)
        } catch {
            Console.error(" * \(error)")
        }
    }

    /// Serves what the build made: the new app, or its errors. An exit status when there is
    /// nothing left to do.
    private func finishBuild(succeeded: Bool, output: String) -> Int32? {
        // A change made during the build is built next; this build is already out of date.
        guard changesSettleAt == nil else { return nil }
        if succeeded {
            startServer(app: true)
            if hasStarted { Console.say(" * Restarting with inotify") }
            hasStarted = true
            return nil
        }
        guard settings.reload else {
            Console.error(" * The build of '\(settings.product)' failed.")
            return 1
        }
        Console.error(" * The build failed: its errors are served as a page until the next good build.")
        startServer(app: false, page: BuildErrorPage(product: settings.product, output: output, package: package))
        return nil
    }

    /// Replaces the process on the socket: the app, or the page of `page`'s errors.
    private func startServer(app: Bool, page: BuildErrorPage? = nil) {
        server?.stop()
        server = nil
        do {
            if let page {
                server = try BuildErrorPageServer.start(page, at: errorPagePath, on: socket, environment: settings.appEnvironment)
            } else {
                server = try ChildProcess([settings.binary], environment: settings.appEnvironment, listening: socket)
            }
            serverIsApp = app
            serverStartedAt = .now
        } catch {
            Console.error(" * \(error)")
        }
    }

    /// Notices a server that exited on its own. An exit status when `asyncweb run` should end too.
    private func checkServer() -> Int32? {
        guard let server, !server.isRunning, SignalPipe.stopRequested == 0 else { return nil }
        self.server = nil
        let code = server.exitCode ?? 1
        let what = serverIsApp ? "The app" : "The error page's server"
        guard settings.reload else {
            Console.error(" * \(what) exited with status \(code).")
            return code
        }
        if serverIsApp, serverStartedAt.duration(to: .now) >= Self.restartAfterCrashWhenUpFor {
            Console.error(" * \(what) exited with status \(code); starting it again.")
            startServer(app: true)
        } else {
            Console.error(" * \(what) exited with status \(code); it starts again at the next change.")
        }
        return nil
    }

    private func stopEverything() {
        if let build {
            // SIGINT, as Ctrl-C would: swift build then stops its compilers itself.
            build.process.stop(signal: SIGINT)
            self.build = nil
        }
        server?.stop()
        server = nil
        unlink(errorPagePath)
    }
}
