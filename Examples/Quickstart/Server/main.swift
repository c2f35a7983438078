import QuickstartApp

try await makeQuickstartApp().run()
