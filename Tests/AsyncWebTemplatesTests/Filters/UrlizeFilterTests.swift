import Testing
import AsyncWebTemplates

/// `urlize`, which finds links in escaped text as Jinja's `utils.urlize` does.
@Suite("urlize filter")
struct UrlizeFilterTests {
    let html = FilterProbe.html

    @Test func linksSchemesAndWwwWithNoopener() throws {
        #expect(try html.render("urlize", "go to https://example.com now")
            == "go to <a href=\"https://example.com\" rel=\"noopener\">https://example.com</a> now")
        #expect(try html.render("urlize", "see www.example.org")
            == "see <a href=\"https://www.example.org\" rel=\"noopener\">www.example.org</a>")
    }

    @Test func linksBareDomainsOnlyWithCommonTopLevelDomains() throws {
        #expect(try html.render("urlize", "example.com.") == "<a href=\"https://example.com\" rel=\"noopener\">example.com</a>.")
        #expect(try html.render("urlize", "a.b.c.museum ftp://example.com @a@b") == "a.b.c.museum ftp://example.com @a@b")
    }

    @Test func linksAddressesByNumber() throws {
        #expect(try html.render("urlize", "http://127.0.0.1:8080/x http://[::1]/x")
            == "<a href=\"http://127.0.0.1:8080/x\" rel=\"noopener\">http://127.0.0.1:8080/x</a> "
            + "<a href=\"http://[::1]/x\" rel=\"noopener\">http://[::1]/x</a>")
    }

    @Test func linksEmailAddressesWithoutRel() throws {
        #expect(try html.render("urlize", "mail me@example.com") == "mail <a href=\"mailto:me@example.com\">me@example.com</a>")
        #expect(try html.render("urlize", "mailto:me@example.com") == "<a href=\"mailto:me@example.com\">me@example.com</a>")
    }

    @Test func keepsBalancedParenthesesInTheLink() throws {
        #expect(try html.render("urlize", "(http://example.com/a_(b))")
            == "(<a href=\"http://example.com/a_(b)\" rel=\"noopener\">http://example.com/a_(b)</a>)")
    }

    @Test func escapesTheTextAroundLinksEvenWithoutAutoescape() throws {
        #expect(try FilterProbe.text.render("urlize", "<b> http://a.com")
            == "&lt;b&gt; <a href=\"http://a.com\" rel=\"noopener\">http://a.com</a>")
        #expect(try html.render("urlize", .markup(Markup("<b>http://a.com</b> x"))) == "<b>http://a.com</b> x")
    }

    @Test func trimsLongLinkText() throws {
        #expect(try html.render("urlize", "http://example.com/a/very/long/path", 20)
            == "<a href=\"http://example.com/a/very/long/path\" rel=\"noopener\">http://example.com/a...</a>")
    }

    @Test func addsRelAndTarget() throws {
        #expect(try html.render("urlize", "x http://a.com y", keyword: ["nofollow": true, "target": "_blank"])
            == "x <a href=\"http://a.com\" rel=\"nofollow noopener\" target=\"_blank\">http://a.com</a> y")
        #expect(try html.render("urlize", "http://a.com", keyword: ["rel": "me  nofollow"])
            == "<a href=\"http://a.com\" rel=\"me nofollow noopener\">http://a.com</a>")
    }

    @Test func linksExtraSchemes() throws {
        #expect(try html.render("urlize", "tel:+123 and mail:foo", keyword: ["extra_schemes": ["tel:", "mail:"]])
            == "<a href=\"tel:+123\" rel=\"noopener\">tel:+123</a> and <a href=\"mail:foo\" rel=\"noopener\">mail:foo</a>")
        #expect(throws: TemplateError(.filterArgument, "'b' is not a valid URI scheme prefix.")) {
            try html.render("urlize", "x", keyword: ["extra_schemes": ["b"]])
        }
    }
}
