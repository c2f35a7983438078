extension HTTPServer {
    /// Serves HTTP/1.1 on one connection the caller made, with this server's responder and
    /// configuration, and returns once the connection has closed.
    ///
    /// The connection is served as an accepted one is, on its reactor, but it is not counted
    /// in the server's connections nor closed by its shutdown, and its requests are not in the
    /// access log, which ``run()`` starts and stops. Use it for transports the
    /// server does not accept itself, such as a connection in memory:
    /// ```swift
    /// let server = HTTPServer(configuration: ServerConfiguration(), responder: app)
    /// await server.serve(connection)
    /// ```
    public func serve(_ connection: some HTTPTransport) async {
        await withUnsafeContinuation { (closed: UnsafeContinuation<Void, Never>) in
            HTTPConnectionHandler(
                connection: connection, configuration: configuration, responder: responder, logger: logger,
                accessLog: nil, onClose: { _ in closed.resume() }
            ).start()
        }
    }
}
