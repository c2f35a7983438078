// The Flask Quickstart, translated: every example of the Quickstart at the paths of the
// Flask oracle app (shared/oracle/flask_quickstart.py), answering as it does.
public import AsyncWeb
import Foundation

/// The Quickstart app, its static files in `Examples/Quickstart/static` and its
/// templates in `Examples/Quickstart/templates`.
public func makeQuickstartApp() -> App {
    let app = App("quickstart", rootPath: quickstartRoot())
    // The oracle's key: a session cookie from either app is valid in the other.
    app.secretKey = "quickstart-parity-secret"
    // A Minimal Application
    app.get("/", name: "hello_world") { "<p>Hello, World!</p>" }

    // HTML Escaping
    app.get("/hello-name/<name>", name: "hello") { request in "Hello, \(escape(request.pathParameters["name"]))!" }

    // Routing
    app.get("/index", name: "index") { "Index Page" }
    app.get("/hello", name: "hello_plain") { "Hello, World" }

    // Variable Rules
    app.get("/user/<username>", name: "show_user_profile") { request in "User \(escape(request.pathParameters["username"]))" }
    app.get("/post/<int:post_id>", name: "show_post") { request in "Post \(try request.pathParameters.require("post_id", as: Int.self))" }
    app.get("/path/<path:subpath>", name: "show_subpath") { request in "Subpath \(escape(request.pathParameters["subpath"]))" }
    app.get("/price/<float:amount>", name: "price") { request in "Price \(try request.pathParameters.require("amount", as: Double.self))" }
    app.get("/item/<uuid:item_id>", name: "item") { request in "Item \(try request.pathParameters.require("item_id", as: UUID.self).uuidString.lowercased())" }

    // Unique URLs / Redirection Behavior
    app.get("/projects/", name: "projects") { "The project page" }
    app.get("/about", name: "about") { "The about page" }

    // URL Building
    app.get("/profile/<username>", name: "profile") { request in "\(request.pathParameters["username"] ?? "")'s profile" }
    app.get("/urls", name: "urls") {
        try [
            url(for: "hello_world"), url(for: "login"), url(for: "login", ["next": "/"]),
            url(for: "profile", ["username": "John Doe"]), url(for: "static", ["filename": "style.css"]),
            url(for: "show_post", ["post_id": 42, "page": 2]),
        ].joined(separator: "\n")
    }

    // HTTP Methods
    app.route("/login", methods: [.get, .post], name: "login") { request in
        if request.method == .post {
            session["username"] = try await request.form().require("username")
            return redirect(to: try url(for: "session_index"))
        }
        let form = "\n        <form method=\"post\">\n            <p><input type=text name=username>\n"
            + "            <p><input type=submit value=Login>\n        </form>\n    "
        return form.makeResponse()
    }
    app.get("/split", name: "split_get") { "show the login form" }
    app.post("/split", name: "split_post") { "do the login" }

    // Rendering Templates (Examples/Quickstart/templates). The rules in the order Flask adds
    // them: stacked decorators register the innermost (`/hello-tpl/<name>`) first.
    app.route(["/hello-tpl/<name>", "/hello-tpl/"], name: "hello_tpl") { request in
        try renderTemplate("hello.html", ["person": request.pathParameters["name"]])
    }
    app.get("/child", name: "child") { try renderTemplate("child.html", ["items": ["a", "<b>", "c"]]) }

    // Markup
    app.get("/markup", name: "markup") {
        let hacker = "<blink>hacker</blink>"
        return [
            Markup("<strong>Hello %s!</strong>").formatted(hacker).html,
            Markup.escape(hacker).html,
            Markup("<em>Marked up</em> &raquo; HTML").striptags(),
        ].joined(separator: "\n")
    }

    // The Request Object
    app.get("/search", name: "search") { request in "searched: \(escape(request.args["key"] ?? ""))" }
    app.post("/form-required", name: "form_required") { request in "got \(escape(try await request.form().require("username")))" }

    // File Uploads
    let uploads = ProcessInfo.processInfo.environment["UPLOADS"] ?? NSTemporaryDirectory()
    app.route("/upload", methods: [.get, .post], name: "upload_file") { request in
        guard request.method == .post else { return "upload form" }
        guard let file = try await request.files()["the_file"] else { try abort(400) }
        let name = secureFilename(file.filename ?? "")
        try file.save(to: uploads + "/" + name)
        return "saved \(name) \(file.size)"
    }

    // Cookies
    app.get("/cookie", name: "cookie_get") { request in
        "cookie username: \(request.cookies["username"].map { escape($0).html } ?? "none")"
    }
    app.get("/cookie-set", name: "cookie_set") {
        var response = makeResponse("cookie set")
        response.setCookie("username", "the username")
        return response
    }

    // Redirects and Errors
    app.get("/go", name: "go") { redirect(to: try url(for: "login")) }
    app.get("/forbidden", name: "forbidden") { try abort(401) }
    app.errorHandler(404) { _ in makeResponse("custom not found page", status: 404) }

    // About Responses
    app.get("/custom-header", name: "custom_header") {
        var response = makeResponse("with header", status: 200)
        response.headers["X-Something"] = "A value"
        return response
    }

    // APIs with JSON
    app.get("/me", name: "me_api") {
        ["username": "alice", "theme": "dark", "image": try url(for: "static", ["filename": "alice.png"])]
    }
    app.get("/users", name: "users_api") { [User(id: 1, name: "alice"), User(id: 2, name: "bob")] }

    // Sessions
    app.get("/session", name: "session_index") {
        if session.contains("username") { return "Logged in as \(session["username"]?.string ?? "")" }
        return "You are not logged in"
    }
    app.get("/logout", name: "logout") {
        session.pop("username")
        return redirect(to: try url(for: "session_index"))
    }

    // Message Flashing
    app.get("/flash", name: "flash_set") {
        flash("You were successfully logged in")
        flash("Second message", category: "warning")
        return redirect(to: try url(for: "flash_show"))
    }
    app.get("/flash-show", name: "flash_show") {
        let messages = getFlashedMessagesWithCategories().map { "\($0.category):\($0.message)" }
        return messages.isEmpty ? "no messages" : messages.joined(separator: "|")
    }

    // About Responses, continued: the oracle registers these after the flashing examples,
    // and `Quickstart routes --sort match` lists them where `flask routes` does.
    app.get("/tuple-status", name: "tuple_status") { makeResponse("created", status: 201) }
    app.get("/tuple-headers", name: "tuple_headers") { makeResponse("with headers", headers: ["X-Tuple": "yes"]) }
    app.get("/tuple-both", name: "tuple_both") { makeResponse("accepted", status: 202, headers: ["X-Tuple": "both"]) }
    app.get("/stream", name: "stream") {
        AsyncStream { continuation in
            for index in 0..<5 { continuation.yield("chunk \(index)\n") }
            continuation.finish()
        }
    }

    // Logging
    app.get("/log", name: "log") {
        currentApp.logger.warning("A warning occurred (\(42) apples)")
        return "logged"
    }
    return app
}

/// A user of the JSON API example.
struct User: Encodable {
    let id: Int
    let name: String
}

/// `Examples/Quickstart`, found from this file's place in it.
private func quickstartRoot(file: StaticString = #filePath) -> String {
    String(describing: file).split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/")
}
