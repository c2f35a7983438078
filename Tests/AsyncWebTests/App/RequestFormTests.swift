import AsyncWeb
import AsyncWebTesting
import Foundation
import Testing

@Suite("Request: args, form, files, cookies")
struct RequestFormTests {
    @Test func argsAreTheQueryStringsFields() async throws {
        let app = App("test")
        app.get("/search") { "searched: \(escape(request.args["key"] ?? "")) \(request.args.values(for: "tag"))" }
        let response = try await TestClient(app).get("/search?key=%3Cb%3E+x&tag=a&tag=b")
        #expect(response.text == #"searched: &lt;b&gt; x ["a", "b"]"#)
    }

    @Test func formFieldsComeFromAURLEncodedBody() async throws {
        let app = App("test")
        app.post("/login") { request in "got \(escape(try await request.form().require("username")))" }
        let response = try await TestClient(app).post("/login", form: ["username": "<alice>"])
        #expect(response.text == "got &lt;alice&gt;")
    }

    @Test func aMissingRequiredFieldIs400AsInFlask() async throws {
        let app = App("test")
        app.post("/login") { request in try await request.form().require("username") }
        let response = try await TestClient(app).post("/login", form: ["other": "x"])
        #expect(response.status == 400)
        #expect(response.text.contains("The browser (or proxy) sent a request that this server could not understand."))
    }

    @Test func uploadedFilesCanBeSavedUnderASecureName() async throws {
        let folder = NSTemporaryDirectory() + "asyncweb-upload-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let app = App("test")
        app.post("/upload") { request in
            guard let file = try await request.files()["the_file"] else { try abort(400) }
            let name = secureFilename(file.filename ?? "")
            try file.save(to: folder + "/" + name)
            let size = try FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int ?? -1
            return "saved \(name) \(size) \(try await request.form()["title"] ?? "")"
        }
        let bytes = Array(repeating: UInt8(ascii: "z"), count: 700_000)
        let upload = TestUpload(field: "the_file", filename: "../../etc/my notes.txt", contentType: "text/plain", bytes: bytes)
        let response = try await TestClient(app).post("/upload", fields: ["title": "Notes"], files: [upload])
        #expect(response.text == "saved etc_my_notes.txt 700000 Notes")
    }

    @Test func formLimitsAnswer413() async throws {
        let app = App("test")
        app.config["MAX_FORM_PARTS"] = 2
        app.post("/many") { request in "\(try await request.form().keys.count)" }
        let response = try await TestClient(app).post("/many", fields: ["a": "1", "b": "2", "c": "3"], files: [])
        #expect(response.status == 413)
    }

    @Test func cookiesAreReadFromTheCookieField() async throws {
        let app = App("test")
        app.get("/cookie") { "cookie username: \(request.cookies["username"].map { escape($0).html } ?? "none")" }
        let client = TestClient(app)
        #expect(try await client.get("/cookie", headers: ["Cookie": #"username="the username"; theme=dark"#]).text
            == "cookie username: the username")
        #expect(try await client.get("/cookie").text == "cookie username: none")
    }
}
