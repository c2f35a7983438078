import Testing

@testable import AsyncWebCLI

/// How `asyncweb run` reads debug mode, and tells the app of it.
@Suite struct DebugModeTests {
    @Test func eitherVariableTurnsItOn() {
        #expect(DebugMode.isOn(in: ["FLASK_DEBUG": "1"]))
        #expect(DebugMode.isOn(in: ["ASYNCWEB_DEBUG": "true"]))
        #expect(!DebugMode.isOn(in: ["FLASK_DEBUG": "0"]))
        #expect(!DebugMode.isOn(in: [:]))
    }

    @Test func theAppIsToldOnceInAsyncWebDebugWithTheSocketsNumber() {
        let on = DebugMode.appEnvironment(["FLASK_DEBUG": "1", "PATH": "/bin"], debug: true, supervisor: 42)
        #expect(on == ["ASYNCWEB_DEBUG": "1", "ASYNCWEB_LISTEN_FD": "3", "ASYNCWEB_SUPERVISOR_PID": "42", "PATH": "/bin"])
        // --no-debug wins over an exported FLASK_DEBUG.
        let off = DebugMode.appEnvironment(["FLASK_DEBUG": "1", "ASYNCWEB_DEBUG": "1"], debug: false, supervisor: 42)
        #expect(off == ["ASYNCWEB_LISTEN_FD": "3", "ASYNCWEB_SUPERVISOR_PID": "42"])
    }

    @Test func editorsFilesAreNotChanges() {
        for name in [".main.swift.swp", "main.swift~", "#main.swift#", "4913", ".build", "main.swift.tmp"] {
            #expect(SourceWatcher.isIgnored(name), "\(name)")
        }
        #expect(!SourceWatcher.isIgnored("main.swift"))
    }
}
