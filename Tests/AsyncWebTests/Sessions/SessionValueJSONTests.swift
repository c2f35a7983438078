@testable import AsyncWeb
@testable import AsyncWebTesting
import Foundation
import Testing

/// Session values meet JSON through `SessionValue(_: JSONValue)` and `jsonValue`, and
/// templates see them as Flask's templates do.
@Suite("Session values as JSON")
struct SessionValueJSONTests {
    @Test func jsonRoundTripsThroughASessionValue() {
        let json: JSONValue = ["user": "alice", "visits": 3, "ratio": 0.5, "admin": false, "tags": ["a", nil]]
        #expect(SessionValue(json).jsonValue == json)
        #expect(SessionValue(json) == ["user": "alice", "visits": 3, "ratio": 0.5, "admin": false, "tags": ["a", nil]])
    }

    @Test func taggedValuesHaveTheirCodableJSONForm() throws {
        let uuid = UUID(uuidString: "12345678-1234-1234-1234-123456789ABC")!
        let value: SessionValue = [
            "bytes": .bytes([0, 255]), "markup": .markup(Markup("<b>")), "uuid": .uuid(uuid),
            "date": .date(Date(timeIntervalSinceReferenceDate: 60)), "pair": .tuple([1, 2]),
        ]
        #expect(value.jsonValue == ["bytes": "AP8=", "markup": "<b>", "uuid": .string(uuid.uuidString), "date": 60.0, "pair": [1, 2]])
        struct Stored: Decodable, Equatable { let bytes: Data; let uuid: UUID; let date: Date }
        #expect(try value.decode(as: Stored.self) == Stored(bytes: Data([0, 255]), uuid: uuid, date: Date(timeIntervalSinceReferenceDate: 60)))
    }

    @Test func templatesSeeJSONShapedValuesThroughJSON() {
        let json: JSONValue = ["n": 1, "x": 1.5, "s": "é", "flag": true, "none": nil, "list": [1, ["k": "v"]]]
        #expect(TemplateValue(SessionValue(json)) == TemplateValue(json))
    }

    @Test func templatesKeepMarkupTuplesAndPythonsTextForTheRest() {
        let uuid = UUID(uuidString: "12345678-1234-1234-1234-123456789ABC")!
        let value: SessionValue = [.markup(Markup("<b>")), .tuple([.markup(Markup("<i>"))]), .uuid(uuid), .bytes([0x27, 0x41])]
        guard case .list(let elements) = TemplateValue(value) else { Issue.record("not a list"); return }
        if case .markup(let markup) = elements[0] { #expect(markup.html == "<b>") } else { Issue.record("\(elements[0])") }
        if case .tuple(let inner) = elements[1], case .markup = inner[0] {} else { Issue.record("\(elements[1])") }
        #expect(elements[2] == "12345678-1234-1234-1234-123456789abc")
        #expect(elements[3] == #"b"'A""#)
    }
}

/// Route arguments as JSON, which is how templates see `request.view_args`.
@Suite("Route values as JSON")
struct RouteValueJSONTests {
    @Test func convertersValuesBecomeTheirJSONForm() {
        let uuid = UUID(uuidString: "12345678-1234-1234-1234-123456789ABC")!
        #expect(RouteValue.int(42).jsonValue == 42)
        #expect(RouteValue.double(1.5).jsonValue == 1.5)
        #expect(RouteValue.string("a").jsonValue == "a" && RouteValue.path("a/b").jsonValue == "a/b")
        #expect(RouteValue.uuid(uuid).jsonValue == "12345678-1234-1234-1234-123456789abc")
        #expect(RouteValue.custom(["x"]).jsonValue == #"["x"]"#)
    }

    @Test func templatesSeeViewArgumentsWithTheirTypes() async throws {
        let app = App("test")
        app.get("/post/<int:id>/<path:rest>") { request in
            try renderTemplateString("{{ request.view_args.id + 1 }} {{ request.view_args.rest }}")
        }
        #expect(try await TestClient(app).get("/post/41/a/b").text == "42 a/b")
    }
}
