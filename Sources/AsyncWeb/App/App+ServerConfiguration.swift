extension App {
    /// `configuration` as this app needs it: the server's ``ServerConfiguration/maxBodySize``
    /// is raised to `MAX_CONTENT_LENGTH` when the app allows more, so a limit a Flask user
    /// sets for uploads is the one that holds. The server's cap, checked for every body
    /// before any handler runs, otherwise stays the outer bound; `MAX_CONTENT_LENGTH` is
    /// checked when the app reads the body (`data()`, `form()`, `files()`, `json()`).
    public func serverConfiguration(_ configuration: ServerConfiguration) -> ServerConfiguration {
        var configuration = configuration
        if let appLimit = config.maxContentLength, let serverLimit = configuration.maxBodySize, appLimit > serverLimit {
            configuration.maxBodySize = appLimit
        }
        return configuration
    }
}
