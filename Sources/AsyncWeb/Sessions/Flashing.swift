/// Stores a message for the next request that asks for them (Flask's `flash`),
/// in the session under `_flashes` as Flask stores it, so the two read each
/// other's messages.
///
/// ```swift
/// app.post("/login") { _ in
///     flash("You were successfully logged in")
///     flash("Check your inbox", category: "warning")
///     return redirect(to: try url(for: "index"))
/// }
/// ```
public func flash(_ message: String, category: String = "message") {
    Flashes.append(.string(message), category: category)
}

/// Flashes HTML that templates print unescaped.
public func flash(_ message: Markup, category: String = "message") {
    Flashes.append(.markup(message), category: category)
}

/// The messages flashed since the last time they were read, removed from the
/// session on the first call of a request, so they show once (Flask's
/// `get_flashed_messages()`). Templates call it as `get_flashed_messages()`.
///
/// - Parameter categoryFilter: only messages of these categories; all when empty.
public func getFlashedMessages(categoryFilter: [String] = []) -> [String] {
    Flashes.current(categoryFilter).map { Flashes.text($0.message) }
}

/// The flashed messages with their categories, `"message"` for those flashed without one
/// (Flask's `get_flashed_messages(with_categories=True)`).
///
/// ```swift
/// getFlashedMessagesWithCategories().map { "\($0.category): \($0.message)" }
/// ```
/// - Parameter categoryFilter: only messages of these categories; all when empty.
public func getFlashedMessagesWithCategories(categoryFilter: [String] = []) -> [(category: String, message: String)] {
    Flashes.current(categoryFilter).map { (category: $0.category, message: Flashes.text($0.message)) }
}

/// Reading `_flashes`: taken from the session once per request, then kept for the
/// rest of it, as Flask keeps them in its request context.
enum Flashes {
    static let key = "_flashes"

    /// Flask appends `(category, message)` tuples to the list under `_flashes`.
    static func append(_ message: SessionValue, category: String) {
        let session = RequestContext.required("flash").session
        var flashes = session[key]?.list ?? []
        flashes.append(.tuple([.string(category), message]))
        session[key] = .list(flashes)
    }

    /// This request's messages, the first call taking them out of the session.
    static func current(_ categoryFilter: [String]) -> [(category: String, message: SessionValue)] {
        let session = RequestContext.required("getFlashedMessages").session
        let flashes = session.takeFlashes { session in
            session.contains(key) ? session.pop(key)?.list ?? [] : []
        }.compactMap { flash -> (category: String, message: SessionValue)? in
            guard let pair = flash.list, pair.count == 2, let category = pair[0].string else { return nil }
            return (category: category, message: pair[1])
        }
        return categoryFilter.isEmpty ? flashes : flashes.filter { categoryFilter.contains($0.category) }
    }

    static func text(_ message: SessionValue) -> String {
        message.string ?? message.markup?.html ?? ""
    }
}
