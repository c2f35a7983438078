import Foundation

/// The new package's app in Flask, the oracle for `asyncweb routes`.
enum FlaskTwin {
    static let source = """
        from flask import Flask, jsonify, render_template
        import os

        app = Flask("hello", static_folder=os.environ["TWIN_STATIC"])

        @app.get("/")
        def index():
            return render_template("index.html", name="hello")

        @app.get("/api/hello")
        def hello():
            return jsonify(message="Hello, World!")

        """

    /// What `flask --app twin routes ARGUMENTS` prints.
    static func routes(staticFolder: String, arguments: [String]) async throws -> String {
        let folder = NSTemporaryDirectory() + "asyncweb-flask-twin-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try source.write(toFile: folder + "/twin.py", atomically: true, encoding: .utf8)
        let flask = try SpawnedProcess(
            ["python3", "-m", "flask", "--app", "twin", "routes"] + arguments, in: folder, environment: ["TWIN_STATIC": staticFolder],
            separateErrors: true)
        guard try await flask.finish("flask routes", within: .seconds(60)) == 0 else {
            throw SpawnedProcess.Failure(description: "flask routes failed: \(flask.errors)")
        }
        return flask.output
    }
}
