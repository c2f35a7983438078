// Renders templates/page.html with AsyncWeb's engine, prints the page to
// stdout and the median time per render in microseconds to stderr, the
// same protocol as jinja_benchmark.py so run.sh can compare the two.
import AsyncWebTemplates
import Foundation

let arguments = CommandLine.arguments
let folder = arguments[1]
let contextPath = arguments[2]
let seconds = Double(arguments[3]) ?? 3

let environment = TemplateEnvironment(loader: DirectoryTemplateLoader(folder))
let context = try TemplateContext(json: String(contentsOfFile: contextPath, encoding: .utf8))
let template = try environment.template(named: "page.html")
let page = try template.render(context)

let clock = ContinuousClock()
var samples: [Double] = []
let deadline = clock.now + .milliseconds(Int(seconds * 1000))
while clock.now < deadline {
    let start = clock.now
    for _ in 0..<20 {
        _ = try template.renderBytes(context)
    }
    let elapsed = clock.now - start
    samples.append(Double(elapsed.components.attoseconds) / 1e12 / 20 + Double(elapsed.components.seconds) * 1e6 / 20)
}
samples.sort()
FileHandle.standardOutput.write(Data(page.utf8))
FileHandle.standardError.write(Data(String(format: "%.1f\n", samples[samples.count / 2]).utf8))
