#!/usr/bin/env python3
"""Records what real Werkzeug routing answers, for AsyncWeb's oracle tests.

Builds a Werkzeug Map for each rule set below, with methods as Flask
registers them (OPTIONS added unless the rule opts out or names it), runs
every match, allowed-methods and build case through it, and writes the
answers to cases.json next to this file. RoutingOracleTests.swift replays
each case against URLMap and must agree.

    python3 Tests/AsyncWebTests/Fixtures/routing/generate.py

Needs Werkzeug 3.1 (pip install 'werkzeug>=3.1,<3.2').
"""

import json
import os
from importlib.metadata import version

from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import BuildError, Map, PathConverter, RequestRedirect, Rule

UUID_UPPER = "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"
UUID_LOWER = UUID_UPPER.lower()


def rule(pattern, endpoint, methods=("GET",), strict_slashes=True, automatic_options=True):
    return {
        "pattern": pattern,
        "endpoint": endpoint,
        "methods": sorted(methods),
        "strictSlashes": strict_slashes,
        "automaticOptions": automatic_options,
    }


def match(path, method="GET", query=""):
    return {"kind": "match", "path": path, "method": method, "query": query}


def allowed(path):
    return {"kind": "allowed", "path": path}


def build(endpoint, arguments=(), method=None, external=False, scheme="http", host="localhost", script_root=""):
    return {
        "kind": "build",
        "endpoint": endpoint,
        "arguments": [list(pair) for pair in arguments],
        "method": method,
        "external": external,
        "scheme": scheme,
        "host": host,
        "scriptRoot": script_root,
    }


RULE_SETS = [
    {
        "name": "flask basics",
        "rules": [
            rule("/", "index"),
            rule("/user/<username>", "profile"),
            rule("/user/new", "new_user"),
            rule("/post/<int:post_id>", "show_post", methods=("GET", "POST")),
            rule("/path/<path:subpath>", "show_subpath"),
            rule("/projects/", "projects"),
            rule("/about", "about"),
            rule("/login", "login_form"),
            rule("/login", "login", methods=("POST",)),
            rule("/static/<path:filename>", "static"),
        ],
        "cases": [
            match("/"),
            match(""),
            match("/user/ada"),
            match("/user/new"),
            match("/user/new/"),
            match("/user/"),
            match("/user"),
            match("/user/ada lovelace"),
            match("/user/\u00fc"),
            match("/post/42"),
            match("/post/0042"),
            match("/post/-1"),
            match("/post/abc"),
            match("/post/42", "POST"),
            match("/post/42", "PUT"),
            match("/post/42", "HEAD"),
            match("/post/42", "OPTIONS"),
            match("/path/a/b/c"),
            match("/path/"),
            match("/path/a//b"),
            match("/projects"),
            match("/projects", query="page=2&sort=new"),
            match("/projects/"),
            match("/about/"),
            match("/about"),
            match("//about"),
            match("about"),
            match("/login"),
            match("/login", "POST"),
            match("/login", "DELETE"),
            match("/static/css/site.css"),
            match("/missing"),
            allowed("/login"),
            allowed("/post/1"),
            allowed("/nothing"),
            allowed("/projects"),
            allowed("/projects/"),
            build("index"),
            build("profile", [("username", "ada")]),
            build("profile", [("username", "a b/c?d#e%f")]),
            build("profile", [("username", "\u00fc\u00df")]),
            build("show_post", [("post_id", "42")]),
            build("show_post", [("post_id", "007")]),
            build("show_post", [("post_id", "abc")]),
            build("show_post"),
            build("show_post", [("id", "1")]),
            build("show_posts", [("post_id", "1")]),
            build("profile", [("username", "ada"), ("tab", "posts"), ("q", "a b&c")]),
            build("profile", [("username", "ada"), ("tag", "x"), ("page", "2"), ("tag", "y")]),
            build("index", external=True),
            build("index", external=True, scheme="https", host="Example.COM:8080"),
            build("profile", [("username", "ada")], external=True, scheme="https", host="example.com"),
            build("profile", [("username", "ada")], script_root="/app"),
            build("profile", [("username", "ada")], script_root="/app/", external=True),
            build("profile", [("username", "ada")], external=True, scheme=""),
            build("profile", [("username", "ada")], external=True, scheme="ftp"),
            build("show_post", [("post_id", "1")], method="POST"),
            build("show_post", [("post_id", "1")], method="PUT"),
            build("login_form"),
            build("login", method="POST"),
            build("login"),
            build("static", [("filename", "css/site.css")]),
            build("static", [("filename", "\u00fc/\u00df x.png")]),
            build("projects", [("page", "2")]),
        ],
    },
    {
        "name": "converters",
        "rules": [
            rule("/s/<string(length=2):code>", "two"),
            rule("/s/<string(minlength=3, maxlength=5):word>", "word"),
            rule("/i/<int(fixed_digits=4):year>", "year"),
            rule("/i/<int(min=1, max=10):n>", "small"),
            rule("/signed/<int(signed=True):n>", "signed"),
            rule("/f/<float:x>", "float"),
            rule("/fs/<float(signed=True):x>", "signed_float"),
            rule("/fm/<float(min=0.5, max=2):x>", "bounded_float"),
            rule("/u/<uuid:id>", "uuid"),
            rule("/a/<any(about, help, 'a,b'):page>", "any"),
            rule("/p/<path:rest>/edit", "edit"),
            rule("/p/<path:rest>", "path"),
            rule("/d/<default:x>", "default"),
            rule("/pos/<int(3):n>", "positional"),
        ],
        "cases": [
            match("/s/en"),
            match("/s/eng"),
            match("/s/e"),
            match("/s/engli"),
            match("/s/toolong"),
            match("/i/2024"),
            match("/i/5"),
            match("/i/20245"),
            match("/signed/-5"),
            match("/signed/5"),
            match("/signed/+5"),
            match("/signed/--5"),
            match("/signed/-"),
            match("/f/1.5"),
            match("/f/1"),
            match("/f/.5"),
            match("/f/1."),
            match("/f/-1.5"),
            match("/f/1.5.5"),
            match("/fs/-1.5"),
            match("/fs/2.25"),
            match("/fm/0.4"),
            match("/fm/1.0"),
            match("/fm/2.0"),
            match("/fm/2.01"),
            match("/u/" + UUID_UPPER),
            match("/u/" + UUID_LOWER),
            match("/u/" + UUID_LOWER[:-1]),
            match("/u/" + UUID_LOWER + "0"),
            match("/u/" + UUID_LOWER.replace("-", "")),
            match("/a/about"),
            match("/a/help"),
            match("/a/a,b"),
            match("/a/other"),
            match("/a/About"),
            match("/p/a/b/edit"),
            match("/p/a/b"),
            match("/p/edit"),
            match("/p/a/edit/edit"),
            match("/p/a/edit/"),
            match("/d/x"),
            match("/pos/123"),
            match("/pos/12"),
            build("two", [("code", "en")]),
            build("two", [("code", "a b")]),
            build("year", [("year", "5")]),
            build("year", [("year", "-5")]),
            build("year", [("year", "12345")]),
            build("small", [("n", "3")]),
            build("small", [("n", "99")]),
            build("signed", [("n", "-5")]),
            build("signed", [("n", "  42 ")]),
            build("signed", [("n", "4_2")]),
            build("signed", [("n", "+7")]),
            build("signed", [("n", "4.2")]),
            build("float", [("x", "2")]),
            build("float", [("x", "1.50")]),
            build("float", [("x", "1e20")]),
            build("float", [("x", "9.5e15")]),
            build("float", [("x", "0.00001")]),
            build("float", [("x", "-0.0")]),
            build("float", [("x", "inf")]),
            build("float", [("x", "abc")]),
            build("uuid", [("id", UUID_UPPER)]),
            build("uuid", [("id", "not a uuid")]),
            build("any", [("page", "about")]),
            build("any", [("page", "a,b")]),
            build("any", [("page", "nope")]),
            build("edit", [("rest", "a b/c")]),
            build("path", [("rest", "/etc/passwd")]),
            build("default", [("x", "a/b")]),
            build("positional", [("n", "7")]),
        ],
    },
    {
        "name": "priorities",
        "rules": [
            rule("/user/<name>", "user_name"),
            rule("/user/<int:id>", "user_id"),
            rule("/user/<name>.json", "user_json"),
            rule("/user/<name>/edit", "user_edit"),
            rule("/user/me", "user_me"),
            rule("/page/<path:p>", "page_path"),
            rule("/page/<int:n>", "page_int"),
            rule("/files/<path:p>", "files_path"),
            rule("/files/<name>", "files_name"),
            rule("/x/<a>-<b>", "dash"),
            rule("/x/<a>", "x"),
            rule("/doc/<path:p>/raw", "doc_raw"),
            rule("/doc/<path:p>", "doc"),
            rule("/m/<a>/<b>", "strings"),
            rule("/m/<int:a>/<int:b>", "ints"),
            rule("/mixed/page<int:n>.html", "mixed"),
            rule("/mixed/<name>", "mixed_name"),
            rule("/v/<float:x>", "v_float"),
            rule("/v/<int:x>", "v_int"),
            rule("/v/<uuid:x>", "v_uuid"),
            rule("/v/<x>", "v_string"),
            rule("/w/<any(one, two):x>", "w_any"),
            rule("/w/<string(length=3):x>", "w_three"),
            rule("/share/<a>/x", "share_a"),
            rule("/share/<b>/<c>", "share_b"),
        ],
        "cases": [
            match("/user/me"),
            match("/user/42"),
            match("/user/ada"),
            match("/user/ada.json"),
            match("/user/42.json"),
            match("/user/a.b.json"),
            match("/user/ada/edit"),
            match("/user/42/edit"),
            match("/page/3"),
            match("/page/3/4"),
            match("/page/x"),
            match("/files/a"),
            match("/files/a/b"),
            match("/x/a-b"),
            match("/x/a-b-c"),
            match("/x/abc"),
            match("/x/-b"),
            match("/doc/a/b/raw"),
            match("/doc/a/raw/b"),
            match("/doc/raw"),
            match("/m/1/2"),
            match("/m/1/x"),
            match("/mixed/page3.html"),
            match("/mixed/page.html"),
            match("/mixed/page3.htm"),
            match("/v/1.5"),
            match("/v/15"),
            match("/v/" + UUID_LOWER),
            match("/v/abc"),
            match("/w/one"),
            match("/w/six"),
            match("/w/three"),
            match("/share/q/x"),
            match("/share/q/y"),
            build("user_json", [("name", "ada")]),
            build("mixed", [("n", "3")]),
            build("dash", [("a", "x"), ("b", "y")]),
        ],
    },
    {
        "name": "slashes",
        "rules": [
            rule("/branch/", "branch"),
            rule("/leaf", "leaf"),
            rule("/lax/", "lax", strict_slashes=False),
            rule("/both", "both_leaf"),
            rule("/both/", "both_branch"),
            rule("/dir/<name>/", "dir"),
            rule("/tree/<path:p>/", "tree"),
            rule("/post-only/", "post_only", methods=("POST",)),
            rule("/\u00fc/", "umlaut"),
            rule("/a b/", "space"),
            rule("/deep/a/b/c/", "deep"),
            rule("/lax-leaf", "lax_leaf", strict_slashes=False),
        ],
        "cases": [
            match("/branch"),
            match("/branch/"),
            match("/branch", query="a=1&b=%20"),
            match("/leaf/"),
            match("/leaf"),
            match("/lax"),
            match("/lax/"),
            match("/both"),
            match("/both/"),
            match("/dir/x"),
            match("/dir/x/"),
            match("/dir/x", query="q=1"),
            match("/tree/a/b"),
            match("/tree/a/b/"),
            match("/tree/a"),
            match("/tree/a//"),
            match("/post-only"),
            match("/post-only", "POST"),
            match("/\u00fc"),
            match("/a b"),
            match("/deep/a/b/c"),
            match("/branch//"),
            match("/lax-leaf"),
            match("/lax-leaf/"),
            allowed("/post-only/"),
            allowed("/post-only"),
            build("branch"),
            build("tree", [("p", "a/b")]),
            build("umlaut"),
            build("space"),
            build("dir", [("name", "x y")]),
        ],
    },
    {
        "name": "merged slashes",
        "rules": [
            rule("/a/b", "ab"),
            rule("/c/<path:p>", "c"),
            rule("/d/<name>/e", "de"),
            rule("/f/", "f"),
        ],
        "cases": [
            match("//a//b"),
            match("/a//b"),
            match("/a/b//"),
            match("/a///b", query="x=1"),
            match("/c/x//y"),
            match("/d//x//e"),
            match("/f//"),
            match("/f///", "POST"),
            match("/a//b", "POST"),
        ],
    },
    {
        "name": "methods",
        "rules": [
            rule("/r", "r_get"),
            rule("/r", "r_post", methods=("POST",)),
            rule("/r", "r_put", methods=("PUT", "PATCH"), automatic_options=False),
            rule("/o", "o_options", methods=("GET", "OPTIONS")),
            rule("/d", "d_delete", methods=("DELETE",), automatic_options=False),
            rule("/any/<x>", "any_get"),
            rule("/any/<int:x>", "any_int_post", methods=("POST",)),
        ],
        "cases": [
            match("/r"),
            match("/r", "HEAD"),
            match("/r", "POST"),
            match("/r", "PATCH"),
            match("/r", "PUT"),
            match("/r", "OPTIONS"),
            match("/r", "DELETE"),
            match("/o", "OPTIONS"),
            match("/o", "TRACE"),
            match("/d", "DELETE"),
            match("/d", "OPTIONS"),
            match("/d", "GET"),
            match("/any/5"),
            match("/any/5", "POST"),
            match("/any/x", "POST"),
            allowed("/r"),
            allowed("/o"),
            allowed("/d"),
            allowed("/any/5"),
            allowed("/any/x"),
            build("r_put"),
            build("r_put", method="GET"),
            build("r_get", method="POST"),
            build("d_delete"),
        ],
    },
    {
        "name": "building",
        "rules": [
            rule("/list/", "list"),
            rule("/list/<int:page>", "list"),
            rule("/search", "search"),
            rule("/item/<int:id>", "item"),
            rule("/item/<int:id>/edit", "item", methods=("POST",)),
            rule("/\u00fc/<name>", "unicode"),
            rule("/a b/<name>", "space"),
            rule("/files/<path:p>", "files"),
            rule("/lang/<string(length=2):code>/about", "about"),
            rule("/show_post/<int:id>", "show_post"),
        ],
        "cases": [
            build("list"),
            build("list", [("page", "2")]),
            build("list", [("page", "2"), ("sort", "new")]),
            build("list", [("sort", "new")]),
            build("search", [("q", "a b")]),
            build("search", [("q", "!$'()*,/:;?@&=+#%~")]),
            build("search", [("q", "\u00fc\u00df \u2603")]),
            build("search", [("tag", "a"), ("tag", "b"), ("q", "x"), ("tag", "c")]),
            build("search", [("empty", "")]),
            build("search", [("a key", "a value")]),
            build("search", [("z", "1"), ("a", "2")]),
            build("item", [("id", "1")]),
            build("item", [("id", "1")], method="POST"),
            build("item", [("id", "1")], method="GET"),
            build("item", [("id", "1")], method="DELETE"),
            build("unicode", [("name", "\u00e9")]),
            build("space", [("name", "x")]),
            build("files", [("p", "/etc/passwd")]),
            build("files", [("p", "a?b#c")]),
            build("about", [("code", "en")]),
            build("about"),
            build("about", [("lang", "en")]),
            build("nope"),
            build("lis"),
            build("show_posts", [("id", "1")]),
            build("search", method="POST"),
            build("search", [("q", "x")], method="POST"),
            build("search", script_root="app"),
            build("search", script_root="/app//"),
            build("search", external=True, script_root="/app"),
            build("search", [("q", "1")], external=True, scheme="wss", host="HOST"),
            build("list", [("page", "x")]),
        ],
    },
    {
        "name": "unicode",
        "rules": [
            rule("/caf\u00e9/<name>", "cafe"),
            rule("/n/<int:n>", "n_int"),
            rule("/n/<float:x>", "n_float"),
            rule("/emoji/<name>", "emoji"),
            rule("/nl/<path:p>", "newline_path"),
            rule("/ns/<s>", "newline_string"),
            rule("/len/<string(length=1):c>", "one_char"),
        ],
        "cases": [
            match("/caf\u00e9/x"),
            match("/cafe\u0301/x"),
            match("/n/\u0663\u0664"),
            match("/n/\u0663.\u0664"),
            match("/n/\uff11\uff12"),
            match("/emoji/\U0001F44D"),
            match("/nl/a\nb"),
            match("/nl/\nb"),
            match("/ns/a\nb"),
            match("/len/e\u0301"),
            match("/len/\u00e9"),
            build("cafe", [("name", "\u00e9")]),
            build("emoji", [("name", "\U0001F44D")]),
            build("n_int", [("n", "\u0663\u0664")]),
            build("n_float", [("x", "\u0663.\u0664")]),
        ],
    },
    {
        "name": "edge cases",
        "rules": [
            rule("/z/<string(minlength=0):x>", "empty_string"),
            rule("/q/<any(a, ab):x>b", "any_prefix"),
            rule("/r/<float:x>.<int:y>", "float_int"),
            rule("/t/<int:a><int:b>", "int_int"),
            rule("/t2/<a><b>", "string_string"),
            rule("/uu/<uuid:u>.json", "uuid_json"),
            rule("/k/<a>.<b>", "dot"),
            rule("/k/<a>-x-<b>", "dash_x"),
            rule("/same", "first_same"),
            rule("/same", "second_same"),
            rule("/mm/<int:x>", "mm_post", methods=("POST",)),
            rule("/mm/<x>", "mm_get"),
            rule("/cw/<int:x>", "cw_post", methods=("POST",)),
            rule("/cw/<int(max=5):y>", "cw_get"),
            rule("/q r/<x>/", "space_branch"),
            rule("/lp/<path:p>/", "lax_path", strict_slashes=False),
            rule("/pe/<path:p>/edit/", "path_edit_branch"),
            rule("/pp/<path:a>/<path:b>", "two_paths"),
            rule("/pi/<path:a>/<int:n>", "path_int"),
            rule("/pi/<path:a>/x/<b>", "path_x_string"),
            rule("/b/<a>/<b>", "two_args"),
            rule("/naïve", "naïve"),
            rule("/it's", "it's"),
            rule("/tab", "tab\there"),
            rule("/long/x", "x" * 100),
            rule("/long/y", "y" * 130 + "x" * 90),
        ],
        "cases": [
            match("/z/"),
            match("/z"),
            match("/z/abc"),
            match("/q/ab"),
            match("/q/abb"),
            match("/q/b"),
            match("/r/1.5.3"),
            match("/r/1.5"),
            match("/t/123"),
            match("/t/1"),
            match("/t2/abc"),
            match("/t2/a"),
            match("/uu/" + UUID_LOWER + ".json"),
            match("/k/1.2"),
            match("/k/1-x-2"),
            match("/k/1-x-2.3"),
            match("/same"),
            match("/mm/5"),
            match("/mm/5", "POST"),
            match("/mm/x", "POST"),
            match("/cw/9"),
            match("/cw/3"),
            match("/cw/9", "POST"),
            match("/cw/9", "PUT"),
            match("/q r/a?b"),
            match("/q r/a%2F"),
            match("/lp/a/b"),
            match("/lp/a/b/"),
            match("/pe/a/b/edit"),
            match("/pe/a/b/edit/"),
            match("/pp/a/b/c"),
            match("/pi/a/b/3"),
            match("/pi/a/x/y"),
            match("/pi/a/x/3"),
            match("/pi/3"),
            match("/b/1", "HEAD"),
            match("/b/1/2", "HEAD"),
            match("/same", "POST"),
            build("two_args", [("a", "1")]),
            build("two_args", [("a", "1"), ("b", "2"), ("c", "3")]),
            build("two_args", [("x", "1")]),
            build("path_edit_branch", [("p", "a/b")]),
            build("two_paths", [("a", "a/b"), ("b", "c")]),
            build("x" * 120 + "y" * 120),
            build("naive"),
            build("its"),
            build("tab"),
            build("über"),
            build("any_prefix", [("x", "ab")]),
            build("any_prefix", [("x", "b")]),
            build("float_int", [("x", "1"), ("y", "2")]),
            build("cw_get", [("y", "9")]),
        ],
    },
    {
        "name": "empty map",
        "rules": [],
        "cases": [
            match("/"),
            allowed("/"),
            build("index"),
        ],
    },
]


def werkzeug_map(rules):
    made = []
    for entry in rules:
        methods = set(entry["methods"])
        # Flask's add_url_rule: OPTIONS is added unless the view opts out
        # or names it itself.
        if entry["automaticOptions"] and "OPTIONS" not in methods:
            methods.add("OPTIONS")
        made.append(
            Rule(
                entry["pattern"],
                endpoint=entry["endpoint"],
                methods=methods,
                strict_slashes=entry["strictSlashes"],
            )
        )
    return Map(made), made


def typed(rule_object, name, value):
    if isinstance(rule_object._converters[name], PathConverter):
        return {"name": name, "type": "path", "value": value}
    if isinstance(value, bool):
        raise TypeError(value)
    if isinstance(value, int):
        return {"name": name, "type": "int", "value": value}
    if isinstance(value, float):
        return {"name": name, "type": "double", "value": value}
    if isinstance(value, str):
        return {"name": name, "type": "string", "value": value}
    return {"name": name, "type": "uuid", "value": str(value)}


def run_match(url_map, rules, case):
    adapter = url_map.bind("localhost")
    try:
        matched, values = adapter.match(
            case["path"], case["method"], return_rule=True, query_args=case["query"]
        )
    except RequestRedirect as redirect:
        prefix = "http://localhost"
        assert redirect.new_url.startswith(prefix), redirect.new_url
        return {"result": "redirect", "location": redirect.new_url[len(prefix):]}
    except MethodNotAllowed as error:
        return {"result": "methodNotAllowed", "allowed": sorted(error.valid_methods)}
    except NotFound:
        return {"result": "notFound"}
    index = next(position for position, candidate in enumerate(rules) if candidate is matched)
    return {
        "result": "match",
        "ruleIndex": index,
        "endpoint": matched.endpoint,
        "arguments": [typed(matched, name, value) for name, value in values.items()],
    }


def run_allowed(url_map, case):
    adapter = url_map.bind("localhost")
    return {"result": "allowed", "methods": sorted(adapter.allowed_methods(case["path"]))}


def run_build(url_map, case):
    adapter = url_map.bind(
        case["host"], script_name=case["scriptRoot"] or None, url_scheme=case["scheme"]
    )
    try:
        url = adapter.build(
            case["endpoint"],
            MultiDict(case["arguments"]),
            method=case["method"],
            force_external=case["external"],
        )
    except BuildError as error:
        return {"result": "buildError", "message": str(error)}
    except ValueError as error:
        return {"result": "invalidValue", "message": str(error)}
    return {"result": "url", "url": url}


def main():
    output = {"werkzeug": version("werkzeug"), "ruleSets": []}
    total = 0
    for rule_set in RULE_SETS:
        url_map, rules = werkzeug_map(rule_set["rules"])
        cases = []
        for case in rule_set["cases"]:
            if case["kind"] == "match":
                expected = run_match(url_map, rules, case)
            elif case["kind"] == "allowed":
                expected = run_allowed(url_map, case)
            else:
                expected = run_build(url_map, case)
            cases.append({**case, "expected": expected})
        total += len(cases)
        output["ruleSets"].append({"name": rule_set["name"], "rules": rule_set["rules"], "cases": cases})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(output, file, indent=1, ensure_ascii=False)
        file.write("\n")
    print(f"wrote {total} cases to {path}")


if __name__ == "__main__":
    main()
