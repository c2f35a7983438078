"""Runs real MarkupSafe over the inputs below and writes cases.json for MarkupOracleTests.
Run from this folder: python3 generate.py"""
import json, html
from markupsafe import Markup, escape

texts = [
    "", "plain", "<blink>hacker</blink>", "a & b", "\"quoted\" 'single'", "<>&\"'", "ünïcödé <b>",
    "&amp; already", "tab\tand\nnewline", "emoji 🎉 <i>", "<<>>", "&&", "'", "\"",
]
markups = [
    "<em>Marked up</em> &raquo; HTML", "<p>a</p>\n\n<p>b</p>", "<!-- comment <b>x</b> -->text",
    "<!-- unterminated", "a < b", "x > y", "&lt;tag&gt;", "&#62;&#x3E;&#X3e;", "&amp;amp;",
    "&notit; &notin; &not", "&copy &copy; &COPY;", "&#128; &#0; &#x110000; &#55296;", "&#1;&#11;&#65534;",
    "&unknown; &", "&#; &#x; &;", "  lots   of\t\nwhitespace  ", "<a href='x'>link</a> after",
    "\u00a0nbsp\u00a0", "&nbsp;&NotNestedGreaterGreater;&ThickSpace;", "\x1cfs\x1dgs", "<b>bold</b><i>it</i>",
    "&AMP &LT; &gt", "&#x1F389;", "&#9999999999999999999999;",
]
cases = {
    "escape": [{"input": t, "output": str(escape(t))} for t in texts],
    "striptags": [{"input": m, "output": Markup(m).striptags()} for m in markups],
    "unescape": [{"input": m, "output": Markup(m).unescape()} for m in markups + texts],
    "format": [{"template": "<strong>Hello %s!</strong>", "argument": t,
                "output": str(Markup("<strong>Hello %s!</strong>") % t)} for t in texts],
}
with open("cases.json", "w", encoding="utf-8") as out:
    json.dump(cases, out, ensure_ascii=False, indent=1)
