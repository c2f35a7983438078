import TechEmpowerApp

try await makeTechEmpowerApp().run()
