import AsyncWeb

let app = App("Hello")
app.get("/") { "<p>Hello, World!</p>" }
try await app.run()
