import Foundation
internal import AsyncWebEncoding

/// A version of `filename` that is safe to use as a file name on any system: Werkzeug's
/// `secure_filename`.
///
/// ```swift
/// secureFilename("My cool movie.mov")            // "My_cool_movie.mov"
/// secureFilename("../../../etc/passwd")          // "etc_passwd"
/// secureFilename("i contain cool ümläuts.txt")   // "i_contain_cool_umlauts.txt"
/// secureFilename("CON.txt")                      // "_CON.txt"
/// ```
/// Letters are folded to ASCII (NFKD, then anything non-ASCII dropped), `/` and `\` and
/// whitespace runs become `_`, everything but ASCII letters, digits, `_`, `.` and `-` is
/// removed, and leading and trailing dots and underscores are stripped. Windows device
/// names (`CON`, `AUX`, `COM1`…) get a leading underscore.
///
/// These are Werkzeug's rules as it applies them on Windows, the stricter of its two
/// behaviours: a name made safe here stays safe if the file is later copied there.
///
/// The result may be empty (`secureFilename("..")`): choose a name of your own then.
public func secureFilename(_ filename: String) -> String {
    let ascii = filename.decomposedStringWithCompatibilityMapping.unicodeScalars.filter(\.isASCII)
    let words = ascii
        .map { $0 == "/" || $0 == "\\" ? " " : $0 }
        .split(whereSeparator: \.isWerkzeugWhitespace)
    let kept = words.joined(separator: ["_"]).filter { scalar in
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", ".", "-": true
        default: false
        }
    }
    let isStripped = { (scalar: Unicode.Scalar) in scalar == "." || scalar == "_" }
    guard let first = kept.firstIndex(where: { !isStripped($0) }),
          let last = kept.lastIndex(where: { !isStripped($0) })
    else { return "" }
    let secured = String(String.UnicodeScalarView(kept[first...last]))
    let stem = secured.prefix { $0 != "." }.uppercased()
    return windowsDeviceNames.contains(stem) ? "_" + secured : secured
}

/// The names Windows reserves in every directory. Werkzeug also lists `CONIN$`, `CONOUT$`
/// and `COM¹`…, which the character filter has already made impossible.
private let windowsDeviceNames: Set<String> = Set(
    ["AUX", "CON", "NUL", "PRN"] + (1...9).map { "COM\($0)" } + (1...9).map { "LPT\($0)" }
)
