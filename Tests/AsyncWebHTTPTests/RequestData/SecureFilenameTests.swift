import Testing
import AsyncWebHTTP

@Suite struct SecureFilenameTests {
    @Test func spacesBecomeUnderscores() {
        #expect(secureFilename("My cool movie.mov") == "My_cool_movie.mov")
    }

    @Test func pathsAreFlattened() {
        #expect(secureFilename("../../../etc/passwd") == "etc_passwd")
        #expect(secureFilename(#"C:\Windows\evil.exe"#) == "C_Windows_evil.exe")
    }

    @Test func accentedLettersAreFoldedToASCII() {
        #expect(secureFilename("i contain cool ümläuts.txt") == "i_contain_cool_umlauts.txt")
    }

    @Test func otherCharactersAreDropped() {
        #expect(secureFilename("what?*:|<>.txt") == "what.txt")
    }

    @Test func leadingAndTrailingDotsAndUnderscoresAreStripped() {
        #expect(secureFilename("._.hidden._") == "hidden")
    }

    @Test func windowsDeviceNamesGetAnUnderscore() {
        #expect(secureFilename("CON") == "_CON")
        #expect(secureFilename("com1.tar.gz") == "_com1.tar.gz")
        #expect(secureFilename("console.txt") == "console.txt")
    }

    @Test func aNameOfOnlyDotsBecomesEmpty() {
        #expect(secureFilename("..") == "")
    }
}
