internal import AsyncWebEncoding

/// Where the error came from: the call that made it, the route that ran, the call stack.
extension DebugErrorPage {
    private var origin: ErrorOrigin? { (error as? any LocatedError)?.origin }

    var originSection: String {
        guard let origin else {
            return "<p class=none>Where it was thrown is unknown: a Swift error does not record it.</p>"
        }
        return "<p>Thrown from <code>\(Self.html(origin.description))</code></p>"
    }

    var routeSection: String {
        guard let match = context?.state.routeMatch else {
            return "<h2>Route</h2>\n<p class=none>No route ran: no rule matched, or the error came before routing (in middleware).</p>"
        }
        let rule = match.rule
        var rows: [(name: String, value: String)] = [
            ("Rule", rule.pattern),
            ("Endpoint", rule.endpoint),
            ("Methods", rule.methods.map(\.rawValue).sorted().joined(separator: ", ")),
        ]
        for argument in match.arguments {
            rows.append(("<\(argument.name)>", JSONWriter().write(argument.value.jsonValue)))
        }
        if let site = setup.routes.registrationSite(of: rule.endpoint, method: request.method) {
            rows.append(("Registered at", site.description))
        }
        return "<h2>Route</h2>\n" + Self.table(rows, none: "")
    }

    /// The call stack, named now (slow, but this page is for debugging, and it is done off
    /// the reactor), or why there is none.
    var callStackSection: String {
        get async {
            let heading = "<h2>Backtrace</h2>\n"
            guard let origin else {
                return heading + """
                    <p class=none>No backtrace: Swift errors carry none, so where a plain <code>throw</code> happened is unknown.
                    The errors AsyncWeb makes (<code>abort</code>, <code>HTTPError</code>, <code>require</code>) record theirs in
                    debug mode; make your own a <code>LocatedError</code> to record one.</p>
                    """
            }
            guard let callStack = origin.callStack else {
                return heading + "<p class=none>No backtrace was recorded: the error was made outside the handling of a request.</p>"
            }
            let frames = await callStack.namedFrames()
            guard !frames.isEmpty else {
                return heading + "<p class=none>The Swift runtime could not name the frames of this backtrace.</p>"
            }
            // The frame of the call that made the error stands out: the stack above it is how it got there.
            let site = origin.site
            let siteSuffix = "/\(site.fileID.description.split(separator: "/").last ?? ""):\(site.line)"
            let items = frames.map { frame in
                let location = frame.location.map { " <span class=at>at \(Self.html($0))</span>" } ?? ""
                let style = frame.location?.hasSuffix(siteSuffix) == true ? " class=site" : frame.isRuntime ? " class=runtime" : ""
                return "<li\(style)>\(Self.html(frame.function))\(location)"
            }
            return heading + "<ol class=stack>\n\(items.joined(separator: "\n"))\n</ol>"
        }
    }
}
