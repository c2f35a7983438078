"""Renders every case below with the real Jinja2 3.1 (set up the way Flask 3.1 sets it up)
and writes cases.json for the Swift template engine tests. See README.md.
Run from anywhere: python3 generate.py   (needs only jinja2 + markupsafe)"""
import json, os
import jinja2
from jinja2 import DictLoader, Environment, StrictUndefined, Undefined
from markupsafe import Markup

MARKUP_PREFIX = "__markup__:"
HERE = os.path.dirname(os.path.abspath(__file__))


def flask_autoescape(filename):
    # Mirrors flask.sansio.app.App.select_jinja_autoescape (Flask 3.1).
    if filename is None:
        return True
    return filename.endswith((".html", ".htm", ".xml", ".xhtml", ".svg"))


def wrap_markup(v):
    if isinstance(v, str) and v.startswith(MARKUP_PREFIX):
        return Markup(v[len(MARKUP_PREFIX):])
    if isinstance(v, list):
        return [wrap_markup(x) for x in v]
    if isinstance(v, dict):
        return {k: wrap_markup(x) for k, x in v.items()}
    return v


CASES = []


def T(id, tpl, ctx=None, *, files=None, name="main.html", undefined="default",
      trim=False, lstrip=False, err=False):
    """One case. `tpl` is the entry template (named `name`); `files` adds more templates.
    err=True means rendering must raise; otherwise it must not."""
    templates = {name: tpl}
    templates.update(files or {})
    CASES.append(dict(id=id, templates=templates, entry=name, context=ctx or {},
                      options={"undefined": undefined, "trim_blocks": trim, "lstrip_blocks": lstrip,
                               "keep_trailing_newline": False},
                      err=err))


def TXT(id, tpl, ctx=None, **kw):
    T(id, tpl, ctx, name="main.txt", **kw)


def E(id, tpl, ctx=None, **kw):
    T(id, tpl, ctx, err=True, **kw)


# ---------------------------------------------------------------- variables
T("variables.basic", "Hello {{ name }}!", {"name": "World"})
T("variables.attribute", "{{ user.name }}", {"user": {"name": "Ann"}})
T("variables.subscript", "{{ user['name'] }}", {"user": {"name": "Ann"}})
T("variables.subscript_variable", "{{ user[key] }}", {"user": {"name": "Ann"}, "key": "name"})
T("variables.list_index", "{{ items[1] }}", {"items": ["a", "b", "c"]})
T("variables.list_negative_index", "{{ items[-1] }}", {"items": ["a", "b", "c"]})
T("variables.dot_integer", "{{ items.0 }}", {"items": ["a", "b", "c"]})
T("variables.nested", "{{ a.b.c }}/{{ a['b']['c'] }}/{{ a.b['c'] }}", {"a": {"b": {"c": 42}}})
T("variables.list_of_dicts", "{{ users[1].name }}", {"users": [{"name": "A"}, {"name": "B"}]})
T("variables.undefined_empty", "[{{ missing }}]")
T("variables.undefined_attribute_empty", "[{{ user.missing }}]", {"user": {"name": "Ann"}})
T("variables.undefined_subscript_empty", "[{{ user['missing'] }}]", {"user": {}})
T("variables.index_out_of_range_empty", "[{{ items[5] }}]", {"items": [1]})
T("variables.null", "[{{ nothing }}]", {"nothing": None})
T("variables.bools", "{{ yes }} {{ no }}", {"yes": True, "no": False})
T("variables.numbers", "{{ n }} {{ f }} {{ neg }}", {"n": 3, "f": 2.5, "neg": -7})
T("variables.float_whole", "{{ f }}", {"f": 1.0})
T("variables.float_repr", "{{ a }} {{ b }} {{ c }}", {"a": 0.1, "b": 1e-7, "c": 12345678.9})
TXT("variables.list_repr", "{{ items }}", {"items": ["a", "b", 1, None, True]})
T("variables.list_repr_escaped", "{{ items }}", {"items": ["a", "b"]})
TXT("variables.dict_repr", "{{ d }}", {"d": {"a": 1, "b": [1, 2], "c": {"x": None}}})
TXT("variables.repr_quote_in_string", "{{ items }}", {"items": ["it's", 'say "hi"', "both ' \""]})
T("variables.unicode", "{{ s }}", {"s": "héllo ✓ 日本"})
T("variables.string_index", "{{ s[0] }}{{ s[-1] }}", {"s": "hello"})
T("variables.no_spaces_in_tags", "{{name}}|{{   name   }}", {"name": "x"})
T("variables.empty_string", "[{{ s }}]", {"s": ""})
T("variables.empty_containers", "{{ l }} {{ d }}", {"l": [], "d": {}})
T("variables.key_with_dash_subscript", "{{ d['a-b'] }}", {"d": {"a-b": "dash"}})

# ---------------------------------------------------------------- comments
T("comments.inline", "a{# comment #}b")
T("comments.multiline", "a{# line one\nline two #}b")
T("comments.contains_tags", "a{# {{ x }} {% if %} #}b")
T("comments.whitespace_control", "a  {#- c -#}  b")
T("comments.own_line", "a\n{# c #}\nb")
T("comments.only", "{# nothing #}")
T("comments.between_blocks", "{% if true %}{# x #}yes{# y #}{% endif %}")

# ---------------------------------------------------------------- whitespace
T("whitespace.trailing_newline_stripped", "x\n")
T("whitespace.two_trailing_newlines", "x\n\n")
T("whitespace.leading_kept", "\n\n  x")
T("whitespace.crlf_normalized", "a\r\n{{ x }}\r\nb", {"x": "X"})
T("whitespace.dash_left_variable", "a   \n {{- 'b' }}")
T("whitespace.dash_right_variable", "{{ 'a' -}}  \n  b")
T("whitespace.dash_both_block", "{% for i in [1, 2, 3] -%}\n  {{ i }}\n{%- endfor %}")
T("whitespace.default_block_newlines", "{% if true %}\nyes\n{% endif %}\ndone")
T("whitespace.for_default", "<ul>\n{% for i in [1, 2] %}\n  <li>{{ i }}</li>\n{% endfor %}\n</ul>")
T("whitespace.for_dashes", "<ul>\n{%- for i in [1, 2] %}\n  <li>{{ i }}</li>\n{%- endfor %}\n</ul>")
T("whitespace.trim_blocks", "{% if true %}\nyes\n{% endif %}\ndone", trim=True)
T("whitespace.lstrip_blocks", "  {% if true %}\n  yes\n  {% endif %}\ndone", lstrip=True)
T("whitespace.trim_and_lstrip", "<ul>\n  {% for i in [1, 2] %}\n  <li>{{ i }}</li>\n  {% endfor %}\n</ul>",
  trim=True, lstrip=True)
T("whitespace.plus_disables_lstrip", "  {%+ if true %}x{% endif %}", lstrip=True)
T("whitespace.plus_disables_trim", "{% if true +%}\nyes{% endif %}", trim=True)
T("whitespace.trim_blocks_variable_unaffected", "{{ 'a' }}\nb", trim=True)
T("whitespace.lstrip_not_after_text", "x {% if true %}y{% endif %}", lstrip=True)
T("whitespace.dash_comment_trim", "a\n  {#- c #}\nb", trim=True)
T("whitespace.tabs_dash", "a\t\t{{- 'b' -}}\t\tc")

# ---------------------------------------------------------------- raw
T("raw.variable", "{% raw %}{{ x }}{% endraw %}", {"x": 1})
T("raw.block_tags", "{% raw %}{% for i in items %}{{ i }}{% endfor %}{% endraw %}")
T("raw.whitespace_control", "a {% raw -%}  {{ x }}  {%- endraw %} b")
T("raw.html_not_escaped", "{% raw %}<b>&amp;</b>{% endraw %}")
T("raw.multiline", "{% raw %}\n{# not a comment #}\n{% endraw %}")

# ---------------------------------------------------------------- literals
TXT("literals.strings", "{{ \"double\" }} {{ 'single' }}")
TXT("literals.string_escapes", "{{ 'a\\'b' }}|{{ \"tab\\there\" }}|{{ 'line\\nnext' }}|{{ '\\u00e9' }}|{{ 'back\\\\slash' }}")
TXT("literals.adjacent_strings", "{{ 'a' \"b\" 'c' }}")
T("literals.integers", "{{ 42 }} {{ -3 }} {{ 0 }} {{ 1_000_000 }}")
T("literals.integer_bases", "{{ 0x1F }} {{ 0o17 }} {{ 0b101 }}")
T("literals.floats", "{{ 1.5 }} {{ 0.25 }} {{ -2.0 }} {{ 1_000.5 }}")
T("literals.scientific", "{{ 1e3 }} {{ 2.5e-3 }} {{ 1E2 }} {{ 1.5e+2 }}")
T("literals.booleans", "{{ true }} {{ True }} {{ false }} {{ False }}")
T("literals.none", "{{ none }}|{{ None }}")
TXT("literals.list", "{{ [1, 'a', none, true, 2.5] }}")
TXT("literals.tuple", "{{ (1, 2) }} {{ (1,) }} {{ () }}")
TXT("literals.dict", "{{ {'a': 1, 'b': [2, 3]} }}")
TXT("literals.nested_empty", "{{ [] }} {{ {} }} {{ [[], {}] }}")
T("literals.list_index", "{{ ['x', 'y', 'z'][1] }}")
T("literals.dict_subscript", "{{ {'a': 1, 'b': 2}['b'] }}")
T("literals.dict_attribute", "{{ {'a': 'A'}.a }}")
T("literals.string_escaped_in_html", "{{ '<a href=\"x\">' }}")
TXT("literals.list_trailing_comma", "{{ [1, 2,] }}")
T("literals.float_large", "{{ 1e16 }} {{ 1e22 }} {{ 123456789012.5 }}")
T("literals.float_small", "{{ 0.0001 }} {{ 0.00001 }}")

# ---------------------------------------------------------------- math
T("math.add", "{{ 1 + 2 }}")
T("math.subtract_negative", "{{ 7 - 10 }}")
T("math.multiply", "{{ 3 * 4 }}")
T("math.true_division", "{{ 7 / 2 }} {{ 6 / 2 }} {{ 10 / 3 }}")
T("math.floor_division", "{{ 7 // 2 }} {{ -7 // 2 }} {{ 7.5 // 2 }}")
T("math.modulo", "{{ 7 % 3 }} {{ -7 % 3 }} {{ 7.5 % 2 }} {{ 7 % -3 }}")
T("math.power", "{{ 2 ** 10 }} {{ 2 ** -1 }} {{ 2.0 ** 3 }}")
T("math.power_left_assoc", "{{ 2 ** 3 ** 2 }}")
T("math.unary_minus_power", "{{ -2 ** 2 }}")
T("math.precedence", "{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 10 - 2 - 3 }} {{ 2 * 3 % 4 }}")
T("math.float_addition", "{{ 0.1 + 0.2 }}")
T("math.int_float_mix", "{{ 1 + 1.5 }} {{ 3 * 1.0 }}")
T("math.string_plus", "{{ 'a' + 'b' }}")
T("math.string_repeat", "{{ 'ab' * 3 }}")
TXT("math.list_concat", "{{ [1] + [2, 3] }}")
T("math.tilde", "{{ 'n=' ~ 5 }}|{{ 1 ~ 2 }}|{{ none ~ 'x' }}|{{ missing ~ 'x' }}|{{ 1.5 ~ true }}")
T("math.variables", "{{ a * b + c }}", {"a": 3, "b": 4, "c": 5})
T("math.unary", "{{ +3 }} {{ -x }} {{ - -x }}", {"x": 5})
T("math.bool_arithmetic", "{{ true + 1 }} {{ false * 3 }}")
T("math.float_var_division", "{{ total / count }}", {"total": 10, "count": 4})
T("math.tilde_precedence", "{{ 2 * 3 ~ 4 }}|{{ (1 + 2) ~ 3 }}|{{ 'a' ~ (1 - 1) }}")
T("math.negative_float_format", "{{ -0.5 * 2 }} {{ 0 * -1.0 }}")

# ---------------------------------------------------------------- logic
T("logic.equality", "{{ 1 == 1 }} {{ 1 != 1 }} {{ 'a' == 'a' }} {{ 1 == '1' }} {{ 1 == 1.0 }}")
T("logic.ordering", "{{ 1 < 2 }} {{ 2 <= 2 }} {{ 3 > 4 }} {{ 4 >= 5 }} {{ 'a' < 'b' }}")
T("logic.chained_comparison", "{{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }} {{ 1 < 3 > 2 }}")
T("logic.and_or_values", "[{{ 0 or 'x' }}][{{ 'a' and 'b' }}][{{ '' and 'b' }}][{{ none or 0 }}][{{ 1 or 2 }}]")
T("logic.not", "{{ not true }} {{ not 0 }} {{ not '' }} {{ not [1] }}")
T("logic.in", "{{ 'a' in 'abc' }} {{ 2 in [1, 2] }} {{ 'k' in {'k': 1} }} {{ 'z' in 'abc' }}")
T("logic.not_in", "{{ 3 not in [1, 2] }} {{ not 3 in [1, 2] }} {{ 'b' not in 'abc' }}")
T("logic.precedence", "{{ true or false and false }} {{ (true or false) and false }} {{ not false and false }}")
T("logic.list_equality", "{{ [1, 2] == [1, 2] }} {{ {'a': 1} == {'a': 1} }} {{ [1] == [1, 2] }}")
T("logic.truthiness_if",
  "{% for v in vals %}{% if v %}T{% else %}F{% endif %}{% endfor %}",
  {"vals": [0, 1, "", "x", [], [0], {}, {"a": 1}, None, 0.0, True, False]})
T("logic.undefined_falsy", "{% if missing %}yes{% else %}no{% endif %}")
T("logic.compare_with_variable", "{{ age >= 18 and 'adult' or 'minor' }}", {"age": 20})
T("logic.none_equality", "{{ none == none }} {{ x == none }}", {"x": None})
T("logic.in_variable_list", "{% if role in ['admin', 'staff'] %}ok{% endif %}", {"role": "staff"})

# ---------------------------------------------------------------- tests
T("tests.defined", "{{ x is defined }} {{ y is defined }} {{ u.a is defined }} {{ u.b is defined }}", {"x": None, "u": {"a": 1}})
T("tests.undefined", "{{ x is undefined }} {{ y is undefined }}", {"x": 1})
T("tests.none", "{{ x is none }} {{ y is none }} {{ missing is none }}", {"x": None, "y": 0})
T("tests.number", "{{ 1 is number }} {{ 1.5 is number }} {{ '1' is number }} {{ true is number }}")
T("tests.string", "{{ 'a' is string }} {{ 1 is string }} {{ m is string }}", {"m": "__markup__:<b>"})
T("tests.mapping", "{{ d is mapping }} {{ l is mapping }}", {"d": {}, "l": []})
T("tests.iterable", "{{ l is iterable }} {{ 'ab' is iterable }} {{ d is iterable }} {{ 3 is iterable }}", {"l": [], "d": {}})
T("tests.sequence", "{{ l is sequence }} {{ 'ab' is sequence }} {{ d is sequence }} {{ 3 is sequence }}", {"l": [], "d": {}})
T("tests.odd_even", "{{ 3 is odd }} {{ 3 is even }} {{ 4 is odd }} {{ 4 is even }} {{ 0 is even }}")
T("tests.divisibleby", "{{ 9 is divisibleby(3) }} {{ 10 is divisibleby 3 }} {{ 0 is divisibleby(5) }}")
T("tests.sameas", "{{ x is sameas none }} {{ y is sameas false }} {{ 0 is sameas false }}", {"x": None, "y": False})
T("tests.lower_upper", "{{ 'abc' is lower }} {{ 'Abc' is lower }} {{ 'ABC' is upper }} {{ 'AbC' is upper }}")
T("tests.eq_aliases", "{{ 1 is eq 1 }} {{ 1 is equalto 2 }} {{ 'a' is eq('a') }} {{ 1 is ne 2 }} {{ 1 is ne(1) }} {{ [1, 2, 3]|select('==', 2)|list|length }} {{ [1, 2]|select('!=', 2)|first }}")
T("tests.order_aliases",
  "{{ 1 is lt 2 }} {{ 1 is lessthan 1 }} {{ 2 is gt 1 }} {{ 2 is greaterthan 3 }} {{ 2 is le 2 }} {{ 2 is ge 3 }} {{ [1, 2, 3]|select('<', 2)|join }} {{ [1, 2, 3]|select('>=', 2)|join }}")
T("tests.in", "{{ 2 is in [1, 2] }} {{ 'x' is in 'abc' }}")
T("tests.boolean", "{{ true is boolean }} {{ 1 is boolean }} {{ x is boolean }}", {"x": False})
T("tests.true_false", "{{ true is true }} {{ 1 is true }} {{ false is false }} {{ 0 is false }}")
T("tests.integer_float", "{{ 1 is integer }} {{ 1.0 is integer }} {{ 1.0 is float }} {{ 1 is float }} {{ true is integer }}")
T("tests.escaped", "{{ m is escaped }} {{ s is escaped }} {{ (s|e) is escaped }}", {"m": "__markup__:<b>", "s": "<b>"})
T("tests.filter_test_existence", "{{ 'upper' is filter }} {{ 'nope' is filter }} {{ 'odd' is test }} {{ 'nope' is test }}")
T("tests.is_not", "{{ 3 is not odd }} {{ x is not defined }} {{ none is not none }}")
T("tests.in_if", "{% if n is divisibleby 3 %}fizz{% elif n is even %}even{% else %}other{% endif %}", {"n": 9})
T("tests.callable", "{{ 'a'.upper is callable }} {{ 'a' is callable }}")
T("tests.in_select", "{{ nums|select('even')|list }}", {"nums": [1, 2, 3, 4]})
T("tests.undefined_is_sequence", "{{ missing is iterable }} {{ missing is string }}")

# ---------------------------------------------------------------- conditional expressions
T("condexpr.true_branch", "{{ 'yes' if flag else 'no' }}", {"flag": True})
T("condexpr.false_branch", "{{ 'yes' if flag else 'no' }}", {"flag": False})
T("condexpr.no_else", "[{{ 'yes' if flag }}]", {"flag": False})
T("condexpr.no_else_true", "[{{ 'yes' if flag }}]", {"flag": 1})
T("condexpr.nested", "{{ 'a' if x == 1 else 'b' if x == 2 else 'c' }}", {"x": 2})
T("condexpr.with_filter", "{{ name|upper if name else 'anonymous' }}", {"name": "bob"})
T("condexpr.undefined_condition", "{{ 'set' if missing else 'unset' }}")
T("condexpr.in_arithmetic", "{{ (1 if true else 2) + 10 }}")
T("condexpr.class_attr", "<li class=\"{{ 'active' if current == page }}\">", {"current": "a", "page": "a"})

# ---------------------------------------------------------------- slices
T("slices.start_stop", "{{ s[1:3] }}", {"s": "abcdef"})
T("slices.open_ends", "{{ s[:2] }}|{{ s[4:] }}|{{ s[:] }}", {"s": "abcdef"})
T("slices.negative", "{{ s[-3:] }}|{{ s[:-2] }}", {"s": "abcdef"})
T("slices.step", "{{ s[::2] }}|{{ s[::-1] }}|{{ s[1::3] }}", {"s": "abcdef"})
TXT("slices.list", "{{ items[1:] }} {{ items[::-1] }}", {"items": [1, 2, 3]})
T("slices.list_join", "{{ items[:2]|join(',') }}", {"items": ["a", "b", "c"]})
T("slices.out_of_range", "[{{ s[10:] }}]", {"s": "abc"})
T("slices.loop", "{% for x in items[1:3] %}{{ x }}{% endfor %}", {"items": [1, 2, 3, 4]})

# ---------------------------------------------------------------- methods
T("methods.upper_lower", "{{ s.upper() }} {{ s.lower() }}", {"s": "MiXeD"})
T("methods.title_capitalize", "{{ s.title() }}|{{ s.capitalize() }}", {"s": "hello wORLD"})
T("methods.strip", "[{{ s.strip() }}][{{ s.lstrip() }}][{{ s.rstrip() }}][{{ 'xxaxx'.strip('x') }}]", {"s": "  pad  "})
TXT("methods.split", "{{ 'a b  c'.split() }} {{ 'a,b,,c'.split(',') }} {{ 'a-b-c'.split('-', 1) }}")
T("methods.split_index", "{{ 'k=v'.split('=')[1] }}")
T("methods.replace", "{{ 'aaa'.replace('a', 'b') }} {{ 'aaa'.replace('a', 'b', 2) }}")
T("methods.startswith_endswith", "{{ s.startswith('he') }} {{ s.endswith('lo') }} {{ s.startswith(('x', 'h')) }}", {"s": "hello"})
T("methods.format_positional", "{{ '{} is {}'.format('x', 1) }}")
T("methods.format_keyword", "{{ '{name}: {n:03d}'.format(name='id', n=7) }}")
T("methods.join", "{{ ', '.join(items) }}", {"items": ["a", "b", "c"]})
T("methods.dict_items", "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", {"d": {"a": 1, "b": 2}})
T("methods.dict_keys_values", "{{ d.keys()|list|join(',') }} {{ d.values()|list|join(',') }}", {"d": {"x": 1, "y": 2}})
T("methods.dict_get", "{{ d.get('a') }} {{ d.get('z') }} {{ d.get('z', 'dflt') }}", {"d": {"a": 1}})
T("methods.list_index_count", "{{ l.index('b') }} {{ l.count('a') }}", {"l": ["a", "b", "a"]})
TXT("methods.list_append", "{% set l = [1] %}{% if l.append(2) %}{% endif %}{{ l }}")
T("methods.string_find_count", "{{ 'hello'.find('l') }} {{ 'hello'.count('l') }} {{ 'hello'.find('z') }}")
T("methods.chained", "{{ ' Hi There '.strip().lower().replace(' ', '-') }}")
T("methods.zfill_center", "[{{ '7'.zfill(3) }}][{{ 'a'.center(5, '*') }}]")
T("methods.isdigit", "{{ '123'.isdigit() }} {{ '12a'.isdigit() }}")

# ---------------------------------------------------------------- if
T("if.true", "{% if x %}yes{% endif %}", {"x": 1})
T("if.false", "[{% if x %}yes{% endif %}]", {"x": 0})
T("if.else", "{% if x %}yes{% else %}no{% endif %}", {"x": False})
T("if.elif", "{% for n in [1, 2, 3] %}{% if n == 1 %}one{% elif n == 2 %}two{% else %}many{% endif %} {% endfor %}")
T("if.multiple_elif", "{% if x > 10 %}a{% elif x > 5 %}b{% elif x > 0 %}c{% else %}d{% endif %}", {"x": 3})
T("if.nested", "{% if a %}{% if b %}ab{% else %}a{% endif %}{% endif %}", {"a": True, "b": False})
T("if.test_expression", "{% if user.name is defined and user.name %}Hi {{ user.name }}{% endif %}", {"user": {"name": "Z"}})
T("if.empty_list", "{% if items %}has{% else %}empty{% endif %}", {"items": []})
T("if.not", "{% if not items %}none{% endif %}", {"items": []})
T("if.comparison_chain", "{% if 0 < x < 10 %}in{% else %}out{% endif %}", {"x": 10})
T("if.escaped_body", "{% if true %}<b>{{ s }}</b>{% endif %}", {"s": "<&>"})

# ---------------------------------------------------------------- for
T("for.list", "{% for x in items %}{{ x }},{% endfor %}", {"items": [1, 2, 3]})
T("for.else_empty", "{% for x in items %}{{ x }}{% else %}empty{% endfor %}", {"items": []})
T("for.else_undefined", "{% for x in missing %}{{ x }}{% else %}nothing{% endfor %}")
T("for.else_not_taken", "{% for x in items %}{{ x }}{% else %}empty{% endfor %}", {"items": [1]})
T("for.filter_if", "{% for x in items if x > 1 %}{{ x }}{% endfor %}", {"items": [1, 2, 3]})
T("for.filter_if_loop_index", "{% for x in items if x is odd %}{{ loop.index }}:{{ x }}/{{ loop.length }} {% endfor %}", {"items": [1, 2, 3, 4, 5]})
T("for.filter_if_else", "{% for x in items if x > 5 %}{{ x }}{% else %}none{% endfor %}", {"items": [1, 2]})
T("for.tuple_unpacking", "{% for a, b in pairs %}{{ a }}-{{ b }} {% endfor %}", {"pairs": [[1, "x"], [2, "y"]]})
T("for.dict_items", "{% for k, v in d.items() %}{{ k }}={{ v }} {% endfor %}", {"d": {"b": 2, "a": 1}})
T("for.dict_direct", "{% for k in d %}{{ k }} {% endfor %}", {"d": {"one": 1, "two": 2}})
T("for.string", "{% for c in 'abc' %}[{{ c }}]{% endfor %}")
T("for.nested", "{% for row in rows %}{% for c in row %}{{ c }}{% endfor %};{% endfor %}", {"rows": [[1, 2], [3]]})
T("for.range", "{% for i in range(3) %}{{ i }}{% endfor %}")
T("for.sorted", "{% for x in items|sort %}{{ x }}{% endfor %}", {"items": [3, 1, 2]})
T("for.scope_set_not_leaking", "{% set x = 1 %}{% for i in [1, 2] %}{% set x = i * 10 %}{{ x }} {% endfor %}{{ x }}")
T("for.loop_var_after_loop", "{% for i in [1, 2] %}{% endfor %}[{{ i }}]")
T("for.outer_loop_var", "{% for a in [1, 2] %}{% for b in 'xy' %}{{ a }}{{ b }} {% endfor %}{% endfor %}")
T("for.dictsort", "{% for k, v in d|dictsort %}{{ k }}:{{ v }} {% endfor %}", {"d": {"b": 1, "a": 2, "c": 0}})
T("for.attribute_objects", "{% for u in users %}<li>{{ u.name }}</li>{% endfor %}", {"users": [{"name": "<A>"}, {"name": "B&"}]})
T("for.recursive",
  "<ul>{% for item in tree recursive %}<li>{{ item.name }}{% if item.children %}<ul>{{ loop(item.children) }}</ul>{% endif %}</li>{% endfor %}</ul>",
  {"tree": [{"name": "a", "children": [{"name": "a1"}, {"name": "a2", "children": [{"name": "a2x"}]}]}, {"name": "b"}]})
T("for.recursive_depth",
  "{% for item in tree recursive %}{{ item.name }}@{{ loop.depth }}/{{ loop.depth0 }} {% if item.children %}{{ loop(item.children) }}{% endif %}{% endfor %}",
  {"tree": [{"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}, {"name": "d"}]})
T("for.unpack_three", "{% for a, b, c in rows %}{{ a }}{{ b }}{{ c }} {% endfor %}", {"rows": [[1, 2, 3], ["x", "y", "z"]]})
T("for.over_none_items_list", "{% for x in items %}[{{ x }}]{% endfor %}", {"items": [None, "", 0]})

# ---------------------------------------------------------------- loop object
T("loop.index", "{% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }} {% endfor %}")
T("loop.revindex", "{% for x in 'abc' %}{{ loop.revindex }}{{ loop.revindex0 }} {% endfor %}")
T("loop.first_last", "{% for x in 'abc' %}{{ loop.first }}/{{ loop.last }} {% endfor %}")
T("loop.length", "{% for x in items %}{{ loop.length }}{% endfor %}", {"items": [1, 2, 3, 4]})
T("loop.cycle", "{% for x in 'abcde' %}{{ loop.cycle('odd', 'even') }} {% endfor %}")
T("loop.cycle_three", "{% for x in 'abcd' %}{{ loop.cycle('r', 'g', 'b') }}{% endfor %}")
T("loop.previtem_nextitem", "{% for x in [1, 2, 3] %}({{ loop.previtem }}|{{ x }}|{{ loop.nextitem }}){% endfor %}")
T("loop.previtem_defined", "{% for x in [1, 2] %}{{ loop.previtem is defined }}/{{ loop.nextitem is defined }} {% endfor %}")
T("loop.changed", "{% for e in entries %}{% if loop.changed(e.day) %}<h2>{{ e.day }}</h2>{% endif %}{{ e.t }};{% endfor %}",
  {"entries": [{"day": "Mon", "t": "a"}, {"day": "Mon", "t": "b"}, {"day": "Tue", "t": "c"}, {"day": "Mon", "t": "d"}]})
T("loop.depth_flat", "{% for x in [1] %}{{ loop.depth }}{{ loop.depth0 }}{% endfor %}")
T("loop.separator_idiom", "{% for x in items %}{{ x }}{% if not loop.last %}, {% endif %}{% endfor %}", {"items": ["a", "b", "c"]})
T("loop.nested_outer_via_set",
  "{% for r in [1, 2] %}{% set outer = loop %}{% for c in 'ab' %}{{ outer.index }}.{{ loop.index }} {% endfor %}{% endfor %}")
T("loop.single_item", "{% for x in [7] %}{{ loop.first }} {{ loop.last }} {{ loop.length }} {{ loop.revindex }}{% endfor %}")
T("loop.in_else_undefined", "{% for x in [] %}{% else %}[{{ loop is defined }}]{% endfor %}")
T("loop.recursive_index_restarts",
  "{% for n in nodes recursive %}{{ loop.index }}{{ n.v }}{% if n.kids %}({{ loop(n.kids) }}){% endif %} {% endfor %}",
  {"nodes": [{"v": "a", "kids": [{"v": "b"}, {"v": "c"}]}, {"v": "d"}]})

# ---------------------------------------------------------------- set
T("set.simple", "{% set x = 42 %}{{ x }}")
T("set.expression", "{% set total = a + b %}{{ total }}", {"a": 1, "b": 2})
T("set.multiple_targets", "{% set a, b = 1, 2 %}{{ a }}{{ b }}")
T("set.unpack_list", "{% set first, second = items %}{{ second }}{{ first }}", {"items": ["x", "y"]})
T("set.block", "{% set greeting %}Hello {{ name }}!{% endset %}[{{ greeting }}]", {"name": "W"})
T("set.block_filter", "{% set s | upper %}shout {{ name }}{% endset %}{{ s }}", {"name": "it"})
T("set.block_filter_chain", "{% set s | trim | replace('a', 'o') %}  banana  {% endset %}[{{ s }}]")
T("set.block_html_not_double_escaped", "{% set x %}<b>{{ '<' }}</b>{% endset %}{{ x }}")
TXT("set.block_txt", "{% set x %}<b>{{ '<' }}</b>{% endset %}{{ x }}")
T("set.overwrite_context", "{{ x }}{% set x = 'new' %}{{ x }}", {"x": "old"})
T("set.list_literal", "{% set l = ['a', 'b'] %}{{ l|join('+') }} {{ l[1] }}")
T("set.dict_literal", "{% set d = {'k': 'v'} %}{{ d.k }}{{ d['k'] }}")
T("set.in_if_visible", "{% if true %}{% set x = 1 %}{% endif %}{{ x }}")
T("set.with_filter_expression", "{% set names = users|map(attribute='name')|join(', ') %}{{ names }}", {"users": [{"name": "a"}, {"name": "b"}]})

# ---------------------------------------------------------------- with
T("with.basic", "{% with a = 1 %}{{ a }}{% endwith %}[{{ a }}]")
T("with.multiple", "{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}")
T("with.uses_outer", "{% with y = x * 2 %}{{ x }}{{ y }}{% endwith %}", {"x": 3})
T("with.shadowing", "{{ x }}{% with x = 'inner' %}{{ x }}{% endwith %}{{ x }}", {"x": "outer"})
T("with.set_inside_scoped", "{% with %}{% set z = 5 %}{{ z }}{% endwith %}[{{ z }}]")
T("with.nested", "{% with a = 1 %}{% with b = a + 1 %}{{ a }}{{ b }}{% endwith %}{% endwith %}")

# ---------------------------------------------------------------- namespace
T("namespace.counter", "{% set ns = namespace(count=0) %}{% for x in items %}{% set ns.count = ns.count + x %}{% endfor %}{{ ns.count }}", {"items": [1, 2, 3]})
T("namespace.found_flag", "{% set ns = namespace(found=false) %}{% for x in items %}{% if x == 'b' %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}", {"items": ["a", "b"]})
T("namespace.new_attribute", "{% set ns = namespace() %}{% set ns.x = 'hi' %}{{ ns.x }}")
T("namespace.from_dict", "{% set ns = namespace({'a': 1}, b=2) %}{{ ns.a }}{{ ns.b }}")
T("namespace.undefined_attr", "{% set ns = namespace() %}[{{ ns.nope }}]")
T("namespace.accumulate_string", "{% set ns = namespace(s='') %}{% for c in 'abc' %}{% set ns.s = ns.s ~ c|upper %}{% endfor %}{{ ns.s }}")

# ---------------------------------------------------------------- macros
T("macros.simple", "{% macro hello(name) %}Hello {{ name }}!{% endmacro %}{{ hello('A') }} {{ hello('B') }}")
T("macros.defaults", "{% macro input(name, value='', type='text') %}<input type=\"{{ type }}\" name=\"{{ name }}\" value=\"{{ value|e }}\">{% endmacro %}{{ input('u') }}{{ input('p', type='password') }}")
T("macros.keyword_args", "{% macro m(a, b) %}{{ a }}-{{ b }}{% endmacro %}{{ m(b=1, a=2) }}")
T("macros.varargs", "{% macro m(a) %}{{ a }}:{{ varargs|join(',') }}{% endmacro %}{{ m(1, 2, 3) }}")
TXT("macros.varargs_tuple_repr", "{% macro m() %}{{ varargs }}{% endmacro %}{{ m(1, 'x') }}")
T("macros.kwargs", "{% macro m() %}{% for k, v in kwargs|dictsort %}{{ k }}={{ v }};{% endfor %}{% endmacro %}{{ m(z=1, a=2) }}")
T("macros.missing_arg_undefined", "{% macro m(a, b) %}[{{ a }}][{{ b }}]{% endmacro %}{{ m(1) }}")
T("macros.output_not_double_escaped", "{% macro b(t) %}<b>{{ t }}</b>{% endmacro %}{{ b('<x>') }}")
T("macros.escape_result", "{% macro b(t) %}<b>{{ t }}</b>{% endmacro %}{{ b('x')|e }}")
T("macros.in_loop", "{% macro li(x) %}<li>{{ x }}</li>{% endmacro %}{% for i in [1, 2] %}{{ li(i) }}{% endfor %}")
T("macros.recursion", "{% macro fact(n) %}{% if n <= 1 %}1{% else %}{{ n }}*{{ fact(n - 1) }}{% endif %}{% endmacro %}{{ fact(4) }}")
T("macros.sees_context", "{% macro greet() %}Hi {{ user }}{% endmacro %}{{ greet() }}", {"user": "ctx"})
T("macros.attributes", "{% macro m(a, b=1) %}{% endmacro %}{{ m.name }} {{ m.arguments|join(',') }} {{ m.catch_kwargs }} {{ m.catch_varargs }} {{ m.caller }}")
T("macros.whitespace_body", "{% macro m() %}\n  body\n{% endmacro %}[{{ m() }}]")
T("macros.default_refers_to_earlier_arg", "{% macro m(a, b=a * 2) %}{{ a }},{{ b }}{% endmacro %}{{ m(3) }}")
T("macros.call_with_filter", "{% macro m(x) %}{{ x }}{% endmacro %}{{ m('abc')|upper }}")
T("macros.caller_simple", "{% macro wrap() %}<div>{{ caller() }}</div>{% endmacro %}{% call wrap() %}inner {{ x }}{% endcall %}", {"x": "<y>"})
T("macros.caller_twice", "{% macro twice() %}{{ caller() }}{{ caller() }}{% endmacro %}{% call twice() %}ab{% endcall %}")
T("macros.call_arguments",
  "{% macro list_users(users) %}<ul>{% for u in users %}<li>{{ caller(u) }}</li>{% endfor %}</ul>{% endmacro %}{% call(user) list_users(people) %}{{ user.name }}!{% endcall %}",
  {"people": [{"name": "a"}, {"name": "b"}]})
T("macros.call_multiple_arguments", "{% macro m() %}{{ caller(1, 2) }}{% endmacro %}{% call(a, b) m() %}{{ a + b }}{% endcall %}")
T("macros.call_default_argument", "{% macro m() %}{{ caller() }}|{{ caller('x') }}{% endmacro %}{% call(v='dflt') m() %}{{ v }}{% endcall %}")
T("macros.call_passes_args_to_macro", "{% macro box(title) %}[{{ title }}: {{ caller() }}]{% endmacro %}{% call box('T') %}body{% endcall %}")
T("macros.caller_sees_outer", "{% macro m() %}{{ caller() }}{% endmacro %}{% for i in [1, 2] %}{% call m() %}{{ i }}{% endcall %}{% endfor %}")
T("macros.caller_defined_test", "{% macro m() %}{% if caller is defined %}C:{{ caller() }}{% else %}none{% endif %}{% endmacro %}{{ m() }} {% call m() %}x{% endcall %}")
T("macros.nested_call", "{% macro o() %}({{ caller() }}){% endmacro %}{% call o() %}{% call o() %}x{% endcall %}{% endcall %}")
T("macros.set_inside_macro_local", "{% set x = 'outer' %}{% macro m() %}{% set x = 'inner' %}{{ x }}{% endmacro %}{{ m() }}{{ x }}")

# ---------------------------------------------------------------- include
P = {"part.html": "<p>{{ name }}</p>", "part.txt": "<t>{{ name }}</t>", "loopy.html": "[{{ item }}]"}
T("include.basic", "a{% include 'part.html' %}b", {"name": "N"}, files=P)
T("include.escapes_in_html_partial", "{% include 'part.html' %}", {"name": "<x>"}, files=P)
T("include.txt_partial_not_escaped", "{% include 'part.txt' %}", {"name": "<x>"}, files=P)
TXT("include.html_partial_from_txt", "{% include 'part.html' %}", {"name": "<x>"}, files=P)
T("include.sees_loop_variable", "{% for item in [1, 2] %}{% include 'loopy.html' %}{% endfor %}", files=P)
T("include.sees_set_variable", "{% set name = 'local' %}{% include 'part.html' %}", files=P)
T("include.without_context", "{% include 'part.html' without context %}", {"name": "N"}, files=P)
T("include.with_context", "{% include 'part.html' with context %}", {"name": "N"}, files=P)
T("include.ignore_missing", "a{% include 'nope.html' ignore missing %}b", files=P)
T("include.list_first_existing", "{% include ['nope.html', 'part.html', 'part.txt'] %}", {"name": "L"}, files=P)
T("include.variable_name", "{% include which %}", {"which": "part.txt", "name": "V"}, files=P)
T("include.list_ignore_missing", "[{% include ['a.html', 'b.html'] ignore missing %}]", files=P)
T("include.trailing_newline", "a{% include 'nl.html' %}b", files={"nl.html": "inc\n"})
T("include.nested", "{% include 'outer.html' %}", {"v": 1}, files={"outer.html": "O({% include 'inner.html' %})", "inner.html": "I{{ v }}"})
T("include.in_macro", "{% macro m() %}{% include 'part.html' %}{% endmacro %}{{ m() }}", {"name": "M"}, files=P)
T("include.set_does_not_leak", "{% include 's.html' %}[{{ leaked }}]", files={"s.html": "{% set leaked = 1 %}s"})
T("include.with_block_vars", "{% with name = 'W' %}{% include 'part.html' %}{% endwith %}", files=P)

# ---------------------------------------------------------------- import
M = {"macros.html": "{% macro hello(n) %}Hello {{ n }}!{% endmacro %}{% macro bye(n) %}Bye {{ n }}{% endmacro %}"
                    "{% macro who() %}[{{ user }}]{% endmacro %}{% set version = '1.0' %}{% set _private = 'p' %}top-level output",
     "forms.html": "{% macro input(name, value='') %}<input name=\"{{ name }}\" value=\"{{ value }}\">{% endmacro %}",
     "text.txt": "{% macro tag(v) %}<{{ v }}>{% endmacro %}"}
T("import.as_module", "{% import 'macros.html' as m %}{{ m.hello('x') }} {{ m.bye('y') }}", files=M)
T("import.from", "{% from 'macros.html' import hello, bye as goodbye %}{{ hello('a') }}/{{ goodbye('b') }}", files=M)
T("import.variable_export", "{% import 'macros.html' as m %}{{ m.version }}", files=M)
T("import.private_not_exported", "{% import 'macros.html' as m %}[{{ m._private }}]", files=M)
T("import.no_context_by_default", "{% import 'macros.html' as m %}{{ m.who() }}", {"user": "U"}, files=M)
T("import.with_context", "{% import 'macros.html' as m with context %}{{ m.who() }}", {"user": "U"}, files=M)
T("import.from_with_context", "{% from 'macros.html' import who with context %}{{ who() }}", {"user": "U"}, files=M)
T("import.escaping_in_macro", "{% import 'forms.html' as f %}{{ f.input('q', '<\"x\">') }}", files=M)
T("import.txt_macro_from_html", "{% from 'text.txt' import tag %}{{ tag('b') }}|{{ tag('<i>') }}", files=M)
T("import.missing_name_undefined", "{% from 'macros.html' import nope %}[{{ nope is defined }}]", files=M)
T("import.module_output_ignored", "{% import 'macros.html' as m %}ok", files=M)
T("import.in_loop", "{% import 'macros.html' as m %}{% for i in [1, 2] %}{{ m.hello(i) }}{% endfor %}", files=M)
T("import.self_macros_via_variable_name", "{% import tname as m %}{{ m.bye('v') }}", {"tname": "macros.html"}, files=M)

# ---------------------------------------------------------------- inheritance
L = {"layout.html": "<title>{% block title %}Default{% endblock %}</title>\n<body>{% block body %}{% endblock %}</body>",
     "base.html": "A{% block a %}[base a]{% endblock %}B{% block b %}[base b]{% endblock %}C",
     "mid.html": "{% extends 'base.html' %}{% block a %}[mid a]{{ super() }}{% endblock %}",
     "req.html": "<{% block content required %}{% endblock %}>",
     "loop.html": "{% for item in items %}{% block row %}{{ item }}{% endblock %}{% endfor %}",
     "sloop.html": "{% for item in items %}{% block row scoped %}{{ item }}{% endblock %}{% endfor %}",
     "self.html": "<h1>{% block title %}T{% endblock %}</h1><title>{{ self.title() }}</title>",
     "layout.txt": "TXT[{% block body %}{% endblock %}]{{ x }}"}
T("inheritance.basic", "{% extends 'layout.html' %}{% block title %}Home{% endblock %}{% block body %}<p>hi</p>{% endblock %}", files=L)
T("inheritance.default_block", "{% extends 'layout.html' %}{% block body %}b{% endblock %}", files=L)
T("inheritance.super", "{% extends 'layout.html' %}{% block title %}{{ super() }} - Page{% endblock %}", files=L)
T("inheritance.self_block", "{% extends 'self.html' %}{% block title %}Mine{% endblock %}", files=L)
T("inheritance.self_block_default", "{% extends 'self.html' %}", files=L)
T("inheritance.nested_extends", "{% extends 'mid.html' %}{% block a %}[child a]{{ super() }}{% endblock %}", files=L)
T("inheritance.nested_extends_untouched", "{% extends 'mid.html' %}{% block b %}[child b]{% endblock %}", files=L)
T("inheritance.outside_blocks_ignored", "{% extends 'base.html' %}IGNORED{% block a %}x{% endblock %}ALSO", files=L)
T("inheritance.before_extends_printed", "BEFORE{% extends 'base.html' %}{% block a %}x{% endblock %}", files=L)
T("inheritance.context_in_blocks", "{% extends 'layout.html' %}{% block body %}{{ msg }}{% endblock %}", {"msg": "<m>"}, files=L)
T("inheritance.unscoped_block_in_loop", "{% extends 'loop.html' %}{% block row %}({{ item }}){% endblock %}", {"items": [1, 2]}, files=L)
T("inheritance.scoped_block_in_loop", "{% extends 'sloop.html' %}{% block row %}({{ item }}){% endblock %}", {"items": [1, 2]}, files=L)
T("inheritance.scoped_block_super", "{% extends 'sloop.html' %}{% block row %}<{{ super() }}>{% endblock %}", {"items": [1, 2]}, files=L)
T("inheritance.required_overridden", "{% extends 'req.html' %}{% block content %}filled{% endblock %}", files=L)
T("inheritance.named_endblock", "{% extends 'base.html' %}{% block a %}named{% endblock a %}", files=L)
T("inheritance.variable_parent", "{% extends parent %}{% block b %}dyn{% endblock %}", {"parent": "base.html"}, files=L)
T("inheritance.conditional_parent", "{% extends 'layout.html' if full else 'base.html' %}{% block a %}A!{% endblock %}{% block body %}B!{% endblock %}", {"full": False}, files=L)
T("inheritance.txt_layout_no_escape", "{% extends 'layout.txt' %}{% block body %}{{ '<b>' }}{% endblock %}", {"x": "<x>"}, files=L, name="page.txt")
T("inheritance.html_child_txt_layout", "{% extends 'layout.txt' %}{% block body %}{{ '<b>' }}{% endblock %}", {"x": "<x>"}, files=L)
T("inheritance.top_level_set_visible", "{% extends 'layout.html' %}{% set title_text = 'From child' %}{% block title %}{{ title_text }}{% endblock %}", files=L)
T("inheritance.block_in_block", "{% extends 'nest.html' %}{% block inner %}NEW{% endblock %}",
  files={"nest.html": "<{% block outer %}o[{% block inner %}i{% endblock %}]{% endblock %}>"})
T("inheritance.override_outer_drops_inner", "{% extends 'nest.html' %}{% block outer %}X{% endblock %}{% block inner %}NEW{% endblock %}",
  files={"nest.html": "<{% block outer %}o[{% block inner %}i{% endblock %}]{% endblock %}>"})
T("inheritance.super_twice", "{% extends 'base.html' %}{% block a %}{{ super() }}{{ super() }}{% endblock %}", files=L)
T("inheritance.three_level_super_chain",
  "{% extends 'l2.html' %}{% block x %}3{{ super() }}{% endblock %}",
  files={"l1.html": "{% block x %}1{% endblock %}", "l2.html": "{% extends 'l1.html' %}{% block x %}2{{ super() }}{% endblock %}"})
T("inheritance.block_same_name_via_self_in_child", "{% extends 'base.html' %}{% block a %}A{% endblock %}{% block b %}{{ self.a() }}B{% endblock %}", files=L)
T("inheritance.macro_in_child", "{% extends 'base.html' %}{% macro m() %}M{% endmacro %}{% block a %}{{ m() }}{% endblock %}", files=L)
T("inheritance.include_in_block", "{% extends 'base.html' %}{% block a %}{% include 'inc.html' %}{% endblock %}", files=dict(L, **{"inc.html": "INC"}))
T("inheritance.block_trailing_newlines", "{% extends 'nl.html' %}{% block c %}\nchild\n{% endblock %}\n",
  files={"nl.html": "top\n{% block c %}{% endblock %}\nbottom\n"})

# ---------------------------------------------------------------- filter blocks
T("filterblock.upper", "{% filter upper %}hello {{ name }}{% endfilter %}", {"name": "w"})
T("filterblock.chain", "{% filter upper|replace('L', '1') %}hello{% endfilter %}")
T("filterblock.arguments", "{% filter truncate(9, true, '..', 0) %}a very long text{% endfilter %}")
T("filterblock.html_markup_body", "{% filter upper %}<b>{{ '<i>' }}</b>{% endfilter %}")
TXT("filterblock.txt_body", "{% filter upper %}<b>{{ '<i>' }}</b>{% endfilter %}")
T("filterblock.indent", "{% filter indent(2, true) %}a\nb{% endfilter %}")
T("filterblock.nested", "{% filter upper %}a{% filter lower %}B{% endfilter %}c{% endfilter %}")
T("filterblock.striptags", "{% filter striptags %}<p>Hello   <b>W</b></p>\n<p>x</p>{% endfilter %}")

# ---------------------------------------------------------------- autoescape blocks
TXT("autoescape.enable_in_txt", "{{ s }}|{% autoescape true %}{{ s }}{% endautoescape %}|{{ s }}", {"s": "<b>"})
T("autoescape.disable_in_html", "{{ s }}|{% autoescape false %}{{ s }}{% endautoescape %}|{{ s }}", {"s": "<b>"})
T("autoescape.nested", "{% autoescape false %}{{ s }}{% autoescape true %}{{ s }}{% endautoescape %}{% endautoescape %}", {"s": "&"})
T("autoescape.markup_in_disabled", "{% autoescape false %}{{ m }}{{ s|e }}{% endautoescape %}", {"m": "__markup__:<i>", "s": "<"})
TXT("autoescape.tilde_inside_enabled", "{% autoescape true %}{{ m ~ s }}{% endautoescape %}", {"m": "__markup__:<i>", "s": "<"})
T("autoescape.macro_defined_inside", "{% autoescape false %}{% macro m(x) %}{{ x }}{% endmacro %}{{ m('<b>') }}{% endautoescape %}{{ '<b>' }}")
T("autoescape.set_inside_is_scoped", "{% autoescape false %}{% set x = 1 %}{{ x }}{% endautoescape %}[{{ x }}]")
T("autoescape.filter_inside_disabled", "{% autoescape false %}{{ items|join('<br>') }}{% endautoescape %}", {"items": ["<a>", "b"]})
T("autoescape.static_text_untouched", "{% autoescape true %}<p>&amp; {{ '&' }}</p>{% endautoescape %}")

# ---------------------------------------------------------------- filters
F = "filters."
T(F + "abs", "{{ -3|abs }} {{ 2.5|abs }} {{ x|abs }}", {"x": -1.5})
T(F + "attr", "{{ ('abc'|attr('upper'))() }} [{{ d|attr('k') }}]", {"d": {"k": 1}})
T(F + "batch", "{% for row in items|batch(3) %}{{ row|join(',') }};{% endfor %}", {"items": [1, 2, 3, 4, 5, 6, 7]})
T(F + "batch.fill", "{% for row in items|batch(3, '-') %}{{ row|join(',') }};{% endfor %}", {"items": [1, 2, 3, 4]})
T(F + "capitalize", "{{ 'hELLO wORLD'|capitalize }}")
T(F + "center", "[{{ 'ab'|center(6) }}][{{ 'abc'|center }}]")
T(F + "default.undefined", "{{ missing|default('dflt') }}")
T(F + "default.defined_falsy", "[{{ ''|default('dflt') }}][{{ none|default('dflt') }}][{{ 0|default('d') }}]")
T(F + "default.boolean", "[{{ ''|default('dflt', true) }}][{{ 0|d('zero', boolean=true) }}][{{ 'x'|d('y', true) }}]")
T(F + "default.alias_d", "{{ missing|d('alias') }} {{ user.nick|d(user.name) }}", {"user": {"name": "N"}})
T(F + "default.none_value_kept", "{{ x|default('d') }}", {"x": None})
T(F + "dictsort", "{% for k, v in d|dictsort %}{{ k }}={{ v }} {% endfor %}", {"d": {"b": 1, "A": 3, "a": 2}})
T(F + "dictsort.case_sensitive", "{% for k, v in d|dictsort(true) %}{{ k }} {% endfor %}", {"d": {"b": 1, "B": 3, "a": 2}})
T(F + "dictsort.by_value_reverse", "{% for k, v in d|dictsort(by='value', reverse=true) %}{{ k }} {% endfor %}", {"d": {"x": 1, "y": 3, "z": 2}})
T(F + "escape", "{{ s|escape }}|{{ s|e }}", {"s": "<a href=\"x\">'&'</a>"})
TXT(F + "escape.txt", "{{ s|e }}|{{ s }}", {"s": "<b>\"'&"})
T(F + "escape.markup_not_double", "{{ m|e }}", {"m": "__markup__:<b>&amp;</b>"})
T(F + "filesizeformat", "{{ 100|filesizeformat }}|{{ 1000|filesizeformat }}|{{ 1500|filesizeformat }}|{{ 1000000|filesizeformat }}|{{ 1|filesizeformat }}")
T(F + "filesizeformat.binary", "{{ 1024|filesizeformat(true) }}|{{ 1000|filesizeformat(true) }}|{{ 1048576|filesizeformat(binary=true) }}|{{ 3000000000|filesizeformat(true) }}")
T(F + "filesizeformat.large", "{{ 1e12|filesizeformat }}|{{ 1e30|filesizeformat }}|{{ 0|filesizeformat }}")
T(F + "first", "{{ items|first }} {{ 'abc'|first }} [{{ []|first }}]", {"items": [3, 2, 1]})
T(F + "float", "{{ '3.5'|float }} {{ 3|float }} {{ 'abc'|float }} {{ 'abc'|float(1.5) }} {{ ' 2 '|float }}")
T(F + "forceescape", "{{ m|forceescape }}|{{ s|forceescape }}", {"m": "__markup__:<b>&amp;</b>", "s": "<i>"})
T(F + "format", "{{ '%s - %s'|format('a', 'b') }}|{{ '%d%%'|format(50) }}|{{ '%.2f'|format(3.14159) }}|{{ '%(x)s!'|format(x='kw') }}")
T(F + "format.escaped_args", "{{ '<b>%s</b>'|format('<i>') }}")
T(F + "groupby",
  "{% for g in users|groupby('city') %}{{ g.grouper }}: {{ g.list|map(attribute='name')|join(',') }};{% endfor %}",
  {"users": [{"name": "a", "city": "NY"}, {"name": "b", "city": "LA"}, {"name": "c", "city": "NY"}]})
T(F + "groupby.tuple_unpack",
  "{% for city, items in users|groupby('city') %}{{ city }}={{ items|length }} {% endfor %}",
  {"users": [{"name": "a", "city": "NY"}, {"name": "b", "city": "LA"}, {"name": "c", "city": "NY"}]})
T(F + "groupby.default",
  "{% for city, items in users|groupby('city', default='??') %}{{ city }}:{{ items|map(attribute='name')|join }} {% endfor %}",
  {"users": [{"name": "a", "city": "NY"}, {"name": "b"}, {"name": "c", "city": "LA"}]})
T(F + "groupby.case_insensitive",
  "{% for city, items in users|groupby('city') %}{{ city }}:{{ items|map(attribute='name')|join }} {% endfor %}",
  {"users": [{"name": "a", "city": "ny"}, {"name": "b", "city": "NY"}, {"name": "c", "city": "LA"}]})
T(F + "groupby.case_sensitive",
  "{% for city, items in users|groupby('city', case_sensitive=true) %}{{ city }}:{{ items|map(attribute='name')|join }} {% endfor %}",
  {"users": [{"name": "a", "city": "ny"}, {"name": "b", "city": "NY"}, {"name": "c", "city": "LA"}]})
T(F + "groupby.dotted_attribute",
  "{% for k, items in rows|groupby('meta.kind') %}{{ k }}:{{ items|length }} {% endfor %}",
  {"rows": [{"meta": {"kind": "x"}}, {"meta": {"kind": "y"}}, {"meta": {"kind": "x"}}]})
T(F + "groupby.integer_index", "{% for k, items in rows|groupby(0) %}{{ k }}={{ items|length }} {% endfor %}", {"rows": [[2, "a"], [1, "b"], [2, "c"]]})
T(F + "indent", "{{ text|indent }}", {"text": "a\nb\n\nc"})
T(F + "indent.first", "{{ text|indent(2, first=true) }}", {"text": "a\nb"})
T(F + "indent.blank", "{{ text|indent(2, blank=true) }}", {"text": "a\n\nb\n"})
T(F + "indent.string_width", "{{ text|indent('> ') }}", {"text": "a\nb"})
T(F + "int", "{{ '42'|int }} {{ 3.9|int }} {{ -3.9|int }} {{ 'x'|int }} {{ 'x'|int(7) }} {{ '3.7'|int }}")
T(F + "int.base", "{{ 'ff'|int(base=16) }} {{ '0x1A'|int(0, 16) }} {{ '101'|int(base=2) }} {{ '0b11'|int(0, 0) }}")
T(F + "items", "{% for k, v in d|items %}{{ k }}:{{ v }} {% endfor %}[{% for x in missing|items %}{{ x }}{% endfor %}]", {"d": {"a": 1, "b": 2}})
T(F + "join", "{{ items|join }}|{{ items|join(', ') }}", {"items": [1, "a", None]})
T(F + "join.attribute", "{{ users|join(', ', attribute='name') }}", {"users": [{"name": "a"}, {"name": "b"}]})
T(F + "join.escaping", "{{ items|join('<br>') }}", {"items": ["<a>", "b"]})
T(F + "last", "{{ items|last }} {{ 'abc'|last }}", {"items": [3, 2, 1]})
T(F + "length", "{{ items|length }} {{ 'abcd'|length }} {{ d|length }} {{ items|count }}", {"items": [1, 2, 3], "d": {"a": 1}})
TXT(F + "list", "{{ 'abc'|list }} {{ d|list }} {{ (1, 2)|list }}", {"d": {"x": 1, "y": 2}})
T(F + "lower", "{{ 'HeLLo'|lower }}")
T(F + "map.attribute", "{{ users|map(attribute='name')|join(',') }}", {"users": [{"name": "a"}, {"name": "b"}]})
T(F + "map.attribute_default", "{{ users|map(attribute='nick', default='?')|join(',') }}", {"users": [{"nick": "a"}, {"name": "b"}]})
T(F + "map.filter", "{{ items|map('upper')|join(',') }}", {"items": ["a", "b"]})
T(F + "map.filter_args", "{{ items|map('replace', 'a', 'o')|join(',') }} {{ nums|map('round', 1)|list }}", {"items": ["banana", "apple"], "nums": [1.26, 2.04]})
T(F + "map.int", "{{ items|map('int')|sum }}", {"items": ["1", "2", "3"]})
T(F + "max", "{{ [3, 1, 2]|max }} {{ ['b', 'A', 'c']|max }} {{ ['b', 'A', 'c']|max(case_sensitive=true) }}")
T(F + "max.attribute", "{{ (users|max(attribute='age')).name }}", {"users": [{"name": "a", "age": 3}, {"name": "b", "age": 9}]})
T(F + "min", "{{ [3, 1, 2]|min }} {{ ['b', 'A', 'c']|min }} {{ ['b', 'a', 'C']|min(case_sensitive=true) }}")
T(F + "min.attribute", "{{ (users|min(attribute='age')).name }} [{{ []|min }}]", {"users": [{"name": "a", "age": 3}, {"name": "b", "age": 9}]})
T(F + "reject", "{{ nums|reject('odd')|join(',') }}", {"nums": [1, 2, 3, 4]})
T(F + "reject.no_test", "{{ vals|reject|list|length }}", {"vals": [0, 1, "", "a", None]})
T(F + "rejectattr", "{{ users|rejectattr('active')|map(attribute='name')|join(',') }}", {"users": [{"name": "a", "active": True}, {"name": "b", "active": False}, {"name": "c"}]})
T(F + "rejectattr.test", "{{ users|rejectattr('age', 'lt', 18)|map(attribute='name')|join(',') }}", {"users": [{"name": "a", "age": 10}, {"name": "b", "age": 20}]})
T(F + "replace", "{{ 'Hello World'|replace('Hello', 'Goodbye') }}|{{ 'aaaa'|replace('a', 'b', 2) }}")
T(F + "replace.escaping", "{{ s|replace('x', '<br>') }}", {"s": "a x b"})
T(F + "replace.markup_subject", "{{ m|replace('x', '<br>') }}", {"m": "__markup__:<i>x</i>"})
T(F + "reverse", "{{ 'abc'|reverse }} {{ items|reverse|join(',') }}", {"items": [1, 2, 3]})
T(F + "round", "{{ 2.5|round }} {{ 3.5|round }} {{ 2.675|round(2) }} {{ 42|round }} {{ 1.23456|round(3) }}")
T(F + "round.methods", "{{ 2.1|round(method='ceil') }} {{ 2.9|round(method='floor') }} {{ 2.12|round(1, 'ceil') }} {{ -2.5|round }} {{ 12345|round(-2) }}")
T(F + "round.int", "{{ 42.55|round|int }}")
T(F + "safe", "{{ s|safe }}|{{ s }}", {"s": "<b>bold</b>"})
T(F + "select", "{{ nums|select('odd')|join(',') }} {{ nums|select('gt', 2)|join(',') }} {{ nums|select('divisibleby', 2)|join(',') }}", {"nums": [1, 2, 3, 4]})
T(F + "select.no_test", "{{ vals|select|join(',') }}", {"vals": [0, 1, "", "a", None, True]})
T(F + "select.in", "{{ items|select('in', ['a', 'c'])|join }}", {"items": ["a", "b", "c"]})
T(F + "selectattr", "{{ users|selectattr('active')|map(attribute='name')|join(',') }}", {"users": [{"name": "a", "active": True}, {"name": "b", "active": False}]})
T(F + "selectattr.test", "{{ users|selectattr('email', 'defined')|map(attribute='name')|join(',') }} {{ users|selectattr('name', 'equalto', 'b')|list|length }}", {"users": [{"name": "a", "email": "x"}, {"name": "b"}]})
T(F + "slice", "{% for col in items|slice(3) %}[{{ col|join(',') }}]{% endfor %}", {"items": [1, 2, 3, 4, 5, 6, 7]})
T(F + "slice.fill", "{% for col in items|slice(3, 0) %}[{{ col|join(',') }}]{% endfor %}", {"items": [1, 2, 3, 4]})
T(F + "sort", "{{ items|sort|join(',') }} {{ items|sort(reverse=true)|join(',') }}", {"items": [3, 1, 2]})
T(F + "sort.strings_case", "{{ items|sort|join(',') }}|{{ items|sort(case_sensitive=true)|join(',') }}", {"items": ["b", "C", "a", "B"]})
T(F + "sort.attribute", "{{ users|sort(attribute='age')|map(attribute='name')|join(',') }}", {"users": [{"name": "a", "age": 30}, {"name": "b", "age": 20}, {"name": "c", "age": 25}]})
T(F + "sort.multiple_attributes", "{{ users|sort(attribute='age,name')|map(attribute='name')|join(',') }}", {"users": [{"name": "c", "age": 2}, {"name": "a", "age": 2}, {"name": "b", "age": 1}]})
T(F + "sort.stable", "{{ users|sort(attribute='g')|map(attribute='n')|join }}", {"users": [{"n": "1", "g": "b"}, {"n": "2", "g": "a"}, {"n": "3", "g": "b"}, {"n": "4", "g": "a"}]})
T(F + "string", "{{ 12|string ~ 3 }} {{ none|string }} {{ (1.0|string)|length }}")
T(F + "striptags", "{{ s|striptags }}", {"s": "<p>Hello   <b>World</b>\n</p><!-- c --> &amp; more"})
T(F + "sum", "{{ [1, 2, 3]|sum }} {{ [1.5, 2]|sum }} {{ []|sum }}")
T(F + "sum.attribute_start", "{{ items|sum(attribute='price') }} {{ items|sum(attribute='price', start=100) }}", {"items": [{"price": 3}, {"price": 4}]})
T(F + "title", "{{ 'hello wORLD foo-bar'|title }}|{{ \"it's o'neil\"|title }}")
T(F + "tojson", "{{ d|tojson }}", {"d": {"b": [1, 2.5, None, True], "a": "x<y>&'z\"", "c": {"é": "ü"}}})
T(F + "tojson.indent", "{{ d|tojson(2) }}", {"d": {"b": [1, 2], "a": {}}})
TXT(F + "tojson.scalars", "{{ 'str'|tojson }} {{ 1|tojson }} {{ 1.5|tojson }} {{ none|tojson }} {{ true|tojson }} {{ []|tojson }}")
T(F + "tojson.in_script", "<script>var data = {{ d|tojson }};</script>", {"d": {"html": "</script><b>"}})
T(F + "trim", "[{{ '  x  '|trim }}][{{ 'xxaxx'|trim('x') }}][{{ '\t\nx\n'|trim }}]")
T(F + "truncate", "{{ s|truncate(9) }}|{{ s|truncate(255) }}", {"s": "foo bar baz qux"})
T(F + "truncate.killwords", "{{ s|truncate(9, true) }}|{{ s|truncate(9, killwords=true, end='') }}", {"s": "foo bar baz qux"})
T(F + "truncate.end", "{{ s|truncate(10, end='…', leeway=0) }}|{{ s|truncate(10, false, ' [more]', 0) }}|{{ s|truncate(10, end='…') }}", {"s": "foo bar baz qux"})
T(F + "truncate.leeway", "{{ s|truncate(13) }}|{{ s|truncate(13, leeway=0) }}|{{ s|truncate(11, leeway=5) }}", {"s": "foo bar baz qux"})
T(F + "truncate.short", "{{ 'short'|truncate(3, leeway=0) }}|{{ 'abcdef'|truncate(5, true, '', 0) }}")
T(F + "unique", "{{ items|unique|join(',') }} {{ items|unique(case_sensitive=true)|join(',') }}", {"items": ["a", "A", "b", "a", "B"]})
T(F + "unique.attribute", "{{ users|unique(attribute='city')|map(attribute='name')|join(',') }}", {"users": [{"name": "a", "city": "x"}, {"name": "b", "city": "X"}, {"name": "c", "city": "y"}]})
T(F + "upper", "{{ 'hello'|upper }}")
T(F + "urlencode", "{{ 'a b&c/d?é'|urlencode }}|{{ d|urlencode }}|{{ pairs|urlencode }}", {"d": {"q": "x y", "n": 1}, "pairs": [["a", "1"], ["b", "&"]]})
T(F + "urlize", "{{ 'go to https://example.com now'|urlize }}")
T(F + "urlize.www_and_email", "{{ 'see www.example.org or mail me@example.com'|urlize }}")
T(F + "urlize.trim", "{{ 'http://example.com/a/very/long/path'|urlize(20) }}")
T(F + "urlize.nofollow_target", "{{ 'x http://a.com y'|urlize(nofollow=true, target='_blank') }}")
TXT(F + "urlize.escapes_text", "{{ '<b> http://a.com'|urlize }}")
T(F + "wordcount", "{{ 'one two  three'|wordcount }} {{ ''|wordcount }} {{ 'a-b c.d'|wordcount }}")
T(F + "wordwrap", "{{ s|wordwrap(10) }}", {"s": "the quick brown fox jumps over the lazy dog"})
T(F + "wordwrap.break_long", "{{ 'abcdefghijklmnop xy'|wordwrap(5) }}|{{ 'abcdefghijklmnop xy'|wordwrap(5, false) }}")
T(F + "wordwrap.wrapstring", "{{ s|wordwrap(10, wrapstring='<br>') }}", {"s": "the quick brown fox jumps"})
T(F + "wordwrap.paragraphs", "{{ s|wordwrap(7) }}", {"s": "aaa bbb ccc\n\nddd eee"})
T(F + "xmlattr", "<ul{{ {'class': 'my list', 'missing': none, 'id': 'list-1'}|xmlattr }}>")
T(F + "xmlattr.escaping_no_autospace", "<a{{ d|xmlattr(false) }}>", {"d": {"href": "?a=1&b=\"2\"", "title": "<x>"}})
T(F + "chained", "{{ ' Hello World '|trim|lower|replace(' ', '_')|title }}")
T(F + "count_alias", "{{ 'hello'|count }}")
T(F + "e_on_number", "{{ 5|e }} {{ none|e }}")

# ---------------------------------------------------------------- globals
TXT("globals.range_one_arg", "{{ range(5)|list }}")
TXT("globals.range_two_args", "{{ range(2, 5)|list }}")
TXT("globals.range_three_args", "{{ range(0, 10, 3)|list }} {{ range(5, 0, -2)|list }}")
T("globals.range_repr", "{{ range(3) }} {{ range(1, 9, 2) }}")
T("globals.range_empty", "[{{ range(0)|join }}][{{ range(5, 1)|join }}]")
T("globals.range_length", "{{ range(10)|length }} {{ range(10)|sum }}")
TXT("globals.dict", "{{ dict(a=1, b='x') }}")
T("globals.dict_usage", "{% set d = dict(k='v', n=2) %}{{ d.k }}{{ d['n'] }} {{ d|length }}")
T("globals.cycler", "{% set c = cycler('odd', 'even') %}{% for i in range(3) %}{{ c.next() }} {% endfor %}")
T("globals.cycler_current", "{% set c = cycler('a', 'b', 'c') %}{{ c.current }}{{ c.next() }}{{ c.current }}{{ c.next() }}{{ c.current }}")
T("globals.cycler_reset", "{% set c = cycler(1, 2, 3) %}{{ c.next() }}{{ c.next() }}{% if c.reset() %}{% endif %}{{ c.next() }}{{ c.current }}")
T("globals.cycler_across_loops", "{% set c = cycler('x', 'y') %}{% for i in [1, 2] %}{{ c.next() }}{% endfor %}{% for i in [1] %}{{ c.next() }}{% endfor %}")
T("globals.joiner", "{% set sep = joiner() %}{% for x in items %}{{ sep() }}{{ x }}{% endfor %}", {"items": ["a", "b", "c"]})
T("globals.joiner_custom", "{% set pipe = joiner(' | ') %}{% if a %}{{ pipe() }}A{% endif %}{% if b %}{{ pipe() }}B{% endif %}{% if c %}{{ pipe() }}C{% endif %}", {"a": False, "b": True, "c": True})
T("globals.joiner_html_separator", "{% set j = joiner('<br>') %}{{ j() }}x{{ j() }}y")
T("globals.namespace_is_global", "{{ namespace is defined }} {{ range is defined }} {{ lipsum is defined }}")
T("globals.override_by_context", "{{ range }}", {"range": "ctx"})

# ---------------------------------------------------------------- escaping (Flask: .html/.htm/.xml/.xhtml/.svg escaped)
S = "<a href=\"x\">Tom & 'Jerry'</a>"
T("escaping.html_escapes", "{{ s }}", {"s": S})
TXT("escaping.txt_raw", "{{ s }}", {"s": S})
T("escaping.htm_escapes", "{{ s }}", {"s": S}, name="page.htm")
T("escaping.xml_escapes", "<r>{{ s }}</r>", {"s": S}, name="feed.xml")
T("escaping.xhtml_escapes", "{{ s }}", {"s": S}, name="page.xhtml")
T("escaping.svg_escapes", "<text>{{ s }}</text>", {"s": S}, name="icon.svg")
T("escaping.js_not_escaped", "var s = '{{ s }}';", {"s": S}, name="app.js")
T("escaping.uppercase_extension_not_escaped", "{{ s }}", {"s": S}, name="PAGE.HTML")
T("escaping.markup_not_escaped", "{{ m }}", {"m": "__markup__:<b>bold</b> &amp;"})
TXT("escaping.markup_in_txt", "{{ m }}", {"m": "__markup__:<b>bold</b>"})
T("escaping.markup_in_list", "{% for m in items %}{{ m }}{% endfor %}", {"items": ["__markup__:<i>1</i>", "<i>2</i>"]})
T("escaping.markup_in_dict", "{{ post.body }}|{{ post.title }}", {"post": {"body": "__markup__:<p>ok</p>", "title": "<t>"}})
T("escaping.safe", "{{ s|safe }}", {"s": S})
TXT("escaping.e_in_txt", "{{ s|e }}", {"s": S})
T("escaping.double_e", "{{ s|e|e }}", {"s": "&"})
T("escaping.forceescape_markup", "{{ m|forceescape }}", {"m": "__markup__:<b>&amp;</b>"})
T("escaping.safe_then_e", "{{ s|safe|e }}", {"s": "<b>"})
T("escaping.tilde_markup_left", "{{ m ~ s }}", {"m": "__markup__:<b>", "s": "<i>"})
T("escaping.tilde_markup_right", "{{ s ~ m }}", {"m": "__markup__:<b>", "s": "<i>"})
T("escaping.tilde_plain", "{{ s ~ t }}", {"s": "<i>", "t": "&"})
TXT("escaping.tilde_markup_txt", "{{ m ~ s }}", {"m": "__markup__:<b>", "s": "<i>"})
T("escaping.tilde_safe_literal", "{{ '<b>'|safe ~ '<i>' }}")
TXT("escaping.tilde_safe_literal_txt", "{{ '<b>'|safe ~ '<i>' }}")
T("escaping.plus_markup_left", "{{ m + s }}", {"m": "__markup__:<b>", "s": "<i>"})
T("escaping.plus_markup_right", "{{ s + m }}", {"m": "__markup__:<b>", "s": "<i>"})
TXT("escaping.plus_markup_txt", "{{ m + s }}", {"m": "__markup__:<b>", "s": "<i>"})
T("escaping.join_mixed", "{{ items|join(', ') }}", {"items": ["__markup__:<b>a</b>", "<i>"]})
TXT("escaping.join_mixed_txt", "{{ items|join(', ') }}", {"items": ["__markup__:<b>a</b>", "<i>"]})
T("escaping.join_markup_separator", "{{ items|join(sep) }}", {"items": ["<a>", "b"], "sep": "__markup__:<br>"})
T("escaping.format_markup_template", "{{ m|format(s) }}", {"m": "__markup__:<b>%s</b>", "s": "<i>"})
T("escaping.format_plain_template_markup_arg", "{{ '<p>%s</p>'|format(m) }}", {"m": "__markup__:<i>x</i>"})
TXT("escaping.format_markup_template_txt", "{{ m|format(s) }}", {"m": "__markup__:<b>%s</b>", "s": "<i>"})
T("escaping.replace_markup_new", "{{ s|replace('x', m) }}", {"s": "<x>", "m": "__markup__:<br>"})
TXT("escaping.replace_markup_txt", "{{ s|replace('x', m) }}", {"s": "<x>", "m": "__markup__:<br>"})
T("escaping.markup_upper", "{{ m|upper }} {{ m.upper() }}", {"m": "__markup__:<b>a&amp;b</b>"})
T("escaping.markup_length", "{{ m|length }}", {"m": "__markup__:<b>x</b>"})
T("escaping.markup_striptags", "{{ m|striptags }}", {"m": "__markup__:<b>a &amp; b</b>"})
T("escaping.markup_truncate", "{{ m|truncate(5, true, '', 0) }}", {"m": "__markup__:<b>bold text</b>"})
T("escaping.markup_repr_in_list", "{{ items }}", {"items": ["__markup__:<b>"]})
T("escaping.string_filter_keeps_markup", "{{ (m|string) ~ '<' }}", {"m": "__markup__:<b>"})
T("escaping.numbers_and_none", "{{ 1 }} {{ 1.5 }} {{ none }} {{ true }}")
T("escaping.attribute_context", "<input value=\"{{ v }}\" title='{{ v }}'>", {"v": "\" onclick='x'"})
T("escaping.static_text_untouched", "<p>&amp; < > {{ '' }}</p>")
T("escaping.macro_arg_markup", "{% macro m(x) %}[{{ x }}]{% endmacro %}{{ m(v) }}{{ m(s) }}", {"v": "__markup__:<i>", "s": "<i>"})
T("escaping.markup_methods", "{{ m.replace('a', '<') }}|{{ m.split('|')|join('&') }}", {"m": "__markup__:<b>a|b</b>"})
T("escaping.caller_markup", "{% macro w() %}{{ caller()|upper }}{% endmacro %}{% call w() %}<i>{{ '&' }}</i>{% endcall %}")
T("escaping.set_plain_string_escaped", "{% set x = '<b>' %}{{ x }}{% set y %}<b>{% endset %}{{ y }}")
T("escaping.concat_in_set_block", "{% set y %}<b>{% endset %}{{ y ~ '<i>' }}")
T("escaping.center_markup", "[{{ m|center(9) }}]", {"m": "__markup__:<b>"})
T("escaping.default_markup", "{{ missing|default(m) }}{{ missing|default('<i>') }}", {"m": "__markup__:<b>"})
T("escaping.escaped_quotes_literal", "{{ \"'\" }}{{ '\"' }}")

# ---------------------------------------------------------------- errors: syntax
E("errors.syntax.unclosed_if", "line1\n{% if x %}\nyes")
E("errors.syntax.unclosed_for", "{% for x in items %}\n{{ x }}\n\n")
E("errors.syntax.unknown_tag", "a\nb\n{% foo %}")
E("errors.syntax.unexpected_endif", "text\n{% endif %}")
E("errors.syntax.mismatched_end", "{% for x in y %}\n{% endif %}")
E("errors.syntax.bad_expression", "{{ 1 + }}")
E("errors.syntax.unclosed_variable", "{{ x ")
E("errors.syntax.unclosed_string", "{{ 'abc }}")
E("errors.syntax.unclosed_comment", "a\n{# abc")
E("errors.syntax.empty_expression", "{{ }}")
E("errors.syntax.unknown_filter", "\n{{ x|nope }}")
E("errors.syntax.unknown_test", "{{ x is nope }}")
E("errors.syntax.extends_without_name", "{% extends %}")
E("errors.syntax.block_defined_twice", "{% block a %}{% endblock %}\n{% block a %}{% endblock %}")
E("errors.syntax.endblock_name_mismatch", "{% block a %}{% endblock b %}")
E("errors.syntax.else_outside", "{% else %}")
E("errors.syntax.in_included_template", "{% include 'bad.html' %}", files={"bad.html": "ok\n{% if %}"})
E("errors.syntax.in_layout", "{% extends 'bad.html' %}", files={"bad.html": "{% block a %}\n\n{% endblok %}"})
E("errors.syntax.unbalanced_paren", "{{ (1 + 2 }}")
E("errors.syntax.missing_in", "{% for x items %}{% endfor %}")
E("errors.syntax.set_without_value", "{% set x %}")
E("errors.syntax.endmacro_missing", "{% macro m() %}body")
E("errors.syntax.required_block_content", "{% block x required %}content{% endblock %}")
E("errors.syntax.unexpected_char", "{{ a @ b }}")
E("errors.syntax.break_not_enabled", "{% for x in y %}{% break %}{% endfor %}")

# ---------------------------------------------------------------- errors: runtime
E("errors.undefined.attribute_of_undefined", "{{ x.y }}")
E("errors.undefined.nested_attribute", "{{ user.a.b }}", {"user": {"name": "n"}})
T("variables.attribute_of_none_empty", "[{{ n.a }}]", {"n": None})
E("errors.undefined.attribute_of_none", "{{ n.a.b }}", {"n": None})
E("errors.undefined.call_undefined", "{{ foo() }}")
E("errors.undefined.call_missing_method", "{{ user.nope() }}", {"user": {}})
E("errors.undefined.arithmetic", "{{ x + 1 }}")
E("errors.undefined.subscript_of_undefined", "{{ x['k'] }}")
E("errors.undefined.missing_list_item_attr", "{{ items[3].name }}", {"items": []})
E("errors.not_found.include", "{% include 'missing.html' %}")
E("errors.not_found.include_list", "{% include ['a.html', 'b.html'] %}")
E("errors.not_found.extends", "{% extends 'missing_layout.html' %}")
E("errors.not_found.import", "{% import 'missing_macros.html' as m %}")
E("errors.not_found.from_import", "{% from 'missing_macros.html' import m %}")
E("errors.not_found.nested_include", "{% include 'a.html' %}", files={"a.html": "{% include 'zzz.html' %}"})
E("errors.required_block.not_overridden", "{% extends 'req.html' %}", files={"req.html": "<{% block content required %}{% endblock %}>"})
E("errors.required_block.nested", "{% extends 'mid.html' %}", files={"req.html": "<{% block content required %}{% endblock %}>",
                                                                  "mid.html": "{% extends 'req.html' %}"})
E("errors.runtime.division_by_zero", "{{ 1 / 0 }}")
E("errors.runtime.tilde_binds_tighter_than_plus", "{{ 1 + 2 ~ 3 }}")
E("errors.undefined.macro_scoped_in_autoescape_block", "{% autoescape false %}{% macro m() %}{% endmacro %}{% endautoescape %}{{ m() }}")
E("errors.runtime.macro_too_many_args", "{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}")
E("errors.runtime.macro_unknown_kwarg", "{% macro m(a) %}{% endmacro %}{{ m(b=1) }}")
E("errors.syntax.import_private_name", "{% from 'm.html' import _hidden %}", files={"m.html": "{% set _hidden = 1 %}"})
E("errors.runtime.from_import_missing_call", "{% from 'm.html' import nope %}{{ nope() }}", files={"m.html": "{% macro yes() %}{% endmacro %}"})

# ---------------------------------------------------------------- StrictUndefined
ST = dict(undefined="strict")
E("strict.print_undefined", "a\n{{ missing }}", **ST)
E("strict.attribute_missing", "{{ user.missing }}", {"user": {"name": "n"}}, **ST)
E("strict.if_undefined", "{% if missing %}x{% endif %}", **ST)
E("strict.for_undefined", "{% for x in missing %}{% endfor %}", **ST)
E("strict.tilde_undefined", "{{ 'a' ~ missing }}", **ST)
E("strict.length_undefined", "{{ missing|length }}", **ST)
T("strict.default_filter_ok", "{{ missing|default('d') }}", **ST)
T("strict.defined_test_ok", "{{ missing is defined }} {% if user.x is undefined %}u{% endif %}", {"user": {}}, **ST)
T("strict.defined_values_ok", "{{ user.name }} {{ items|join(',') }}", {"user": {"name": "n"}, "items": [1, 2]}, **ST)
T("strict.condexpr_without_else_ok", "[{{ 'x' if false }}]", **ST)
T("strict.condexpr_without_else_concat_ok", "[{{ ('x' if false) ~ 'y' }}]", **ST)
T("strict.macro_missing_arg_defined_test", "{% macro m(a) %}{{ a is defined }}{% endmacro %}{{ m() }}", **ST)


# ---------------- issue 16: scoping and inheritance
# Conditional and repeated `extends`: only the parent chain that ran renders, and the child's
# top-level output is dropped once an `extends` has run (includes and call blocks still print).
LAYOUTS16 = {"a.html": "A[{% block b %}a{% endblock %}]", "b.html": "B[{% block b %}b{% endblock %}]",
             "inc.html": "INC"}
T("inheritance.conditional_extends_first", "{% if x %}{% extends 'a.html' %}{% else %}{% extends 'b.html' %}{% endif %}"
  "{% block b %}child{% endblock %}", {"x": True}, files=LAYOUTS16)
T("inheritance.conditional_extends_second", "{% if x %}{% extends 'a.html' %}{% else %}{% extends 'b.html' %}{% endif %}"
  "{% block b %}child{% endblock %}", {"x": False}, files=LAYOUTS16)
T("inheritance.conditional_extends_not_taken", "pre{% if x %}{% extends 'a.html' %}{% endif %}post"
  "{% block b %}child{% endblock %}", {"x": False}, files=LAYOUTS16)
T("inheritance.output_before_extends_kept", "pre{% if x %}{% extends 'a.html' %}{% endif %}post{% block b %}child{% endblock %}",
  {"x": True}, files=LAYOUTS16)
T("inheritance.output_in_if_after_extends_dropped", "{% if true %}x{% extends 'a.html' %}y{% endif %}post", files=LAYOUTS16)
T("inheritance.loop_output_after_extends_dropped",
  "{% if x %}{% extends 'a.html' %}{% endif %}{% for i in [1, 2] %}{{ i }}{% endfor %}", {"x": True}, files=LAYOUTS16)
T("inheritance.loop_output_without_extends_kept",
  "{% if x %}{% extends 'a.html' %}{% endif %}{% for i in [1, 2] %}{{ i }}{% endfor %}", {"x": False}, files=LAYOUTS16)
T("inheritance.include_after_extends_prints_first", "{% extends 'a.html' %}{% include 'inc.html' %}", files=LAYOUTS16)
T("inheritance.call_block_after_extends_prints_first",
  "{% macro m() %}M{{ caller() }}{% endmacro %}{% if x %}{% extends 'a.html' %}{% endif %}{% call m() %}c{% endcall %}",
  {"x": True}, files=LAYOUTS16)
T("inheritance.filter_block_after_extends_filters_nothing",
  "{% extends 'a.html' %}{% filter default('D', true) %}x{% endfilter %}", files=LAYOUTS16)
T("inheritance.set_block_after_extends_keeps_body",
  "{% extends 'a.html' %}{% set x %}hello{% endset %}{% block b %}[{{ x }}]{% endblock %}", files=LAYOUTS16)
T("inheritance.set_after_conditional_extends_seen_by_block",
  "{% if true %}{% extends 'a.html' %}{% endif %}{% set q = 5 %}{% block b %}{{ q }}{% endblock %}", files=LAYOUTS16)
T("inheritance.unknown_filter_after_extends_never_compiled", "{% extends 'a.html' %}{{ x|no_such_filter }}", files=LAYOUTS16)
T("inheritance.self_call_after_extends_dropped",
  "{% extends 'a.html' %}{% block c %}C{% endblock %}{{ self.c() }}", files=LAYOUTS16)
T("inheritance.block_before_extends_prints", "{% block b %}early{% endblock %}{% extends 'a.html' %}", files=LAYOUTS16)
T("inheritance.block_in_loop_after_conditional_extends_prints",
  "{% if true %}{% extends 'a.html' %}{% endif %}{% for i in [1] %}{% block c %}C{% endblock %}{% endfor %}", files=LAYOUTS16)
T("inheritance.second_conditional_extends_not_taken",
  "{% if false %}{% extends 'a.html' %}{% endif %}{% if true %}{% extends 'b.html' %}{% endif %}", files=LAYOUTS16)
T("inheritance.extends_from_variable", "{% set t = 'b.html' %}{% extends t %}", files=LAYOUTS16)
E("errors.extends.twice_at_root", "pre{% extends 'a.html' %}post{% extends 'b.html' %}", files=LAYOUTS16)
E("errors.extends.twice_second_in_if", "{% extends 'a.html' %}{% if true %}{% extends 'b.html' %}{% endif %}", files=LAYOUTS16)
E("errors.extends.twice_both_in_if",
  "{% if true %}{% extends 'a.html' %}{% endif %}{% if true %}{% extends 'b.html' %}{% endif %}", files=LAYOUTS16)
E("errors.extends.in_loop", "{% for i in [1, 2] %}{% extends 'a.html' %}{% endfor %}", files=LAYOUTS16)
E("errors.extends.in_with", "{% with %}{% extends 'a.html' %}{% endwith %}", files=LAYOUTS16)
E("errors.extends.in_macro", "{% macro m() %}\n{% extends 'a.html' %}{% endmacro %}", files=LAYOUTS16)
E("errors.extends.in_block", "{% block c %}{% extends 'a.html' %}{% endblock %}", files=LAYOUTS16)
E("errors.extends.in_filter_block", "{% filter upper %}{% extends 'a.html' %}{% endfilter %}", files=LAYOUTS16)
E("errors.extends.in_set_block", "{% set x %}{% extends 'a.html' %}{% endset %}", files=LAYOUTS16)
E("errors.extends.in_autoescape", "{% autoescape true %}{% extends 'a.html' %}{% endautoescape %}", files=LAYOUTS16)

# `set` inside `for` is local to the iteration; reads before it see the outer value.
T("for.set_local_to_iteration", "{% for i in items %}{{ x }}{% set x = i %}{{ x }};{% endfor %}[{{ x }}]",
  {"items": [1, 2, 3], "x": "o"})
T("for.set_local_without_outer", "{% for i in items %}{{ x }}{% set x = i %}{{ x }};{% endfor %}[{{ x }}]",
  {"items": [1, 2, 3]})
T("for.set_local_over_top_level_set", "{% set x = 'o' %}{% for i in items %}{{ x }}{% set x = i %}{{ x }};{% endfor %}[{{ x }}]",
  {"items": [1, 2, 3]})
T("for.set_in_if_local_to_iteration", "{% for i in items %}{% if i > 1 %}{% set x = i %}{% endif %}{{ x }};{% endfor %}[{{ x }}]",
  {"items": [1, 2, 3], "x": "o"})
T("for.namespace_carries_across_iterations",
  "{% set ns = namespace(total=0, last=none) %}{% for i in items %}{% set ns.total = ns.total + i %}"
  "{% set ns.last = i %}{% endfor %}{{ ns.total }} {{ ns.last }}", {"items": [1, 2, 3]})
T("for.set_loop_index_each_iteration", "{% for i in items %}{% set x = loop.index * 10 %}{{ x }} {% endfor %}",
  {"items": ["a", "b", "c"]})
T("for.set_shadows_target", "{% for i in items %}{{ i }}{% set i = i * 10 %}{{ i }} {% endfor %}", {"items": [1, 2]})
T("for.set_block_local_to_iteration", "{% for i in items %}[{{ x }}]{% set x %}<{{ i }}>{% endset %}{{ x }}{% endfor %}[{{ x }}]",
  {"items": [1, 2]})
T("for.set_in_else_local", "{% for i in items %}{% else %}{% set x = 1 %}{{ x }}{% endfor %}[{{ x }}]", {"items": []})
T("for.filter_not_affected_by_body_set", "{% for i in items if x %}{% set x = 0 %}{{ i }}{% endfor %}", {"items": [1, 2], "x": 1})
T("for.nested_loop_set_local", "{% for i in items %}{% for j in items %}{% set y = j %}{% endfor %}{{ y }};{% endfor %}",
  {"items": [1, 2], "y": "o"})
T("for.recursive_set_local", "{% for i in items recursive %}{{ x }}{% set x = i.n %}{{ x }}{{ loop(i.c) }}{% endfor %}",
  {"items": [{"n": 1, "c": [{"n": 2, "c": []}]}, {"n": 3, "c": []}], "x": "o"})
T("for.macro_in_loop_sees_iteration", "{% for i in items %}{% set label = 'n' ~ i %}{% macro m() %}{{ label }}{% endmacro %}"
  "{{ m() }} {% endfor %}", {"items": [1, 2]})
E("errors.loop_variable.for_target", "{% for loop in items %}{% endfor %}", {"items": [1]})
E("errors.loop_variable.tuple_target", "{% for a, loop in items %}{% endfor %}", {"items": []})
E("errors.loop_variable.set_in_body", "{% for i in items %}\n{% set loop = 1 %}{% endfor %}", {"items": []})
E("errors.loop_variable.set_block_in_body", "{% for i in items %}{% set loop %}x{% endset %}{% endfor %}", {"items": []})
E("errors.loop_variable.nested_for_target", "{% for i in items %}{% for loop in items %}{% endfor %}{% endfor %}", {"items": []})
E("errors.loop_variable.set_in_if_in_body", "{% for i in items %}{% if true %}\n\n{% set loop = 1 %}{% endif %}{% endfor %}")
T("set.loop_outside_for_allowed", "{% set loop = 1 %}{{ loop }}")
T("with.loop_inside_for_allowed", "{% for i in items %}{% with loop = 1 %}{{ loop }}{% endwith %}{% endfor %}", {"items": [1]})
T("macros.parameter_named_loop_allowed", "{% macro m(loop) %}{{ loop }}{% endmacro %}{{ m(3) }}")

# Unknown filters and tests inside `if` and conditional expressions fail only when reached.
T("if.unknown_filter_in_branch_not_taken", "{% if x %}{{ 1|no_such_filter }}{% endif %}ok", {"x": False})
E("if.unknown_filter_in_branch_taken", "{% if x %}{{ 1|no_such_filter }}{% endif %}ok", {"x": True})
E("if.unknown_test_in_branch_taken", "{% if x %}{{ 1 is no_such_test }}{% endif %}ok", {"x": True})
T("if.unknown_test_in_elif_not_reached", "{% if x %}{% elif 1 is no_such_test %}{% endif %}ok", {"x": True})
E("if.unknown_test_in_elif_reached", "{% if x %}{% elif 1 is no_such_test %}{% endif %}ok", {"x": False})
T("if.unknown_filter_in_else_not_reached", "{% if x %}a{% else %}{{ 1|no_such_filter }}{% endif %}", {"x": True})
E("if.unknown_filter_in_condition", "{% if 1|no_such_filter %}{% endif %}ok")
T("if.unknown_filter_in_set_not_reached", "{% if x %}{% set y = 1|no_such_filter %}{% endif %}ok", {"x": False})
T("if.unknown_filter_in_loop_iterable_not_reached", "{% if x %}{% for i in [1]|no_such_filter %}{% endfor %}{% endif %}ok",
  {"x": False})
T("if.unknown_filter_in_call_arguments_not_reached", "{% if x %}{% call m(1|no_such_filter) %}{% endcall %}{% endif %}ok",
  {"x": False})
T("if.unknown_filter_in_with_value_not_reached", "{% if x %}{% with a = 1|no_such_filter %}{% endwith %}{% endif %}ok",
  {"x": False})
E("if.unknown_filter_in_filter_chain_reached", "{% if x %}{{ 'a'|upper|no_such_filter }}{% endif %}", {"x": True})
E("if.unknown_filter_arguments_evaluated_first", "{% if x %}{{ 1|no_such_filter(missing.attr) }}{% endif %}", {"x": True})
E("errors.unknown_filter.in_loop_inside_if", "{% if x %}{% for i in [1] %}{{ i|no_such_filter }}{% endfor %}{% endif %}ok",
  {"x": False})
E("errors.unknown_filter.in_macro_inside_if", "{% if x %}{% macro m() %}{{ 1|no_such_filter }}{% endmacro %}{% endif %}ok",
  {"x": False})
E("errors.unknown_filter.filter_block_inside_if", "{% if x %}{% filter no_such_filter %}{% endfilter %}{% endif %}ok",
  {"x": False})
E("errors.unknown_filter.block_inside_if", "{% if x %}{% block q %}{{ 1|no_such_filter }}{% endblock %}{% endif %}ok",
  {"x": False})
E("errors.unknown_filter.loop_filter_inside_if", "{% if x %}{% for i in [1] if i is no_such_test %}{% endfor %}{% endif %}",
  {"x": False})
E("errors.unknown_filter.macro_default_inside_if", "{% if x %}{% macro m(a=1|no_such_filter) %}{% endmacro %}{% endif %}",
  {"x": False})
E("errors.unknown_filter.top_level", "ok\n{{ 1|no_such_filter }}")
E("errors.unknown_test.top_level", "ok\n\n{{ 1 is no_such_test }}")
E("errors.unknown_filter.after_if", "{% if x %}{{ 1|no_such_filter }}{% endif %}ok\n{{ 2|other_missing }}", {"x": False})
T("condexpr.unknown_filter_not_taken", "{{ 1|no_such_filter if x else 2 }}", {"x": False})
E("condexpr.unknown_filter_taken", "{{ 1|no_such_filter if x else 2 }}", {"x": True})
E("condexpr.unknown_filter_in_condition", "{{ 1 if x|no_such_filter else 2 }}", {"x": True})
E("condexpr.unknown_test_in_condition", "{{ 'a' if x is no_such_test }}ok", {"x": 1})
T("condexpr.unknown_filter_without_else", "{{ (1|no_such_filter) if false }}ok")

# `caller` declared as a macro parameter.
T("macros.caller_parameter_default_and_call_block",
  "{% macro m(caller=none) %}[{{ caller() if caller else 'none' }}]{% endmacro %}{{ m() }}{% call m() %}B{% endcall %}")
T("macros.caller_parameter_string_default", "{% macro m(caller='x') %}{{ caller }}{% endmacro %}{{ m() }}|{{ m('y') }}|{{ m(caller='z') }}")
T("macros.caller_parameter_with_call_arguments",
  "{% macro m(a, caller=none) %}{{ a }}{{ caller(5) if caller }}{% endmacro %}{% call(n) m(1) %}<{{ n }}>{% endcall %}")
T("macros.caller_parameter_in_arguments", "{% macro m(a, caller=none) %}{{ caller is none }}{% endmacro %}{{ m.arguments }} {{ m.caller }} {{ m(1) }}")
T("macros.caller_parameter_unread_no_default", "{% macro m(caller) %}x{% endmacro %}{{ m(1) }}")
E("errors.caller.parameter_without_default", "{% macro m(caller) %}{{ caller() }}{% endmacro %}")
E("errors.caller.parameter_without_default_later", "\n{% macro m(a, caller, b=1) %}{{ caller() }}{% endmacro %}")
E("errors.caller.call_block_parameter_without_default", "{% call(caller) m() %}{{ caller }}{% endcall %}",
  )
E("errors.caller.call_block_to_macro_without_caller", "{% macro m() %}x{% endmacro %}{% call m() %}B{% endcall %}")
E("errors.caller.keyword_to_macro_without_caller", "{% macro m() %}x{% endmacro %}{{ m(caller=1) }}")
E("errors.caller.positional_and_call_block", "{% macro m(caller=none) %}{{ caller }}{% endmacro %}{% call m(1) %}B{% endcall %}")
T("macros.caller_undefined_without_call", "{% macro m() %}{{ caller is defined }}{% endmacro %}{{ m() }}")
T("macros.kwargs_declared_is_parameter", "{% macro m(kwargs=1) %}{{ kwargs }}{% endmacro %}{{ m() }} {{ m(2) }}")
E("errors.runtime.macro_keyword_for_positional", "{% macro m(a, b=0) %}{% endmacro %}{{ m(1, a=2) }}")
T("macros.keyword_for_positional_goes_to_kwargs", "{% macro m(a) %}{{ a }} {{ kwargs }}{% endmacro %}{{ m(1, a=2) }}")

# Scoping of `with`, macros, `call`, `include` and `import`, as Jinja's documentation describes it.
T("with.set_inside_stays_inside", "{% with %}{% set x = 1 %}{{ x }}{% endwith %}[{{ x }}]")
T("with.shadows_and_restores", "{% set x = 'o' %}{% with x = 'i' %}{{ x }}{% endwith %}{{ x }}")
T("with.values_see_outer_scope", "{% set a = 1 %}{% with a = a + 1, b = a %}{{ a }} {{ b }}{% endwith %}")
T("with.nested_scopes", "{% with a = 1 %}{% with b = a + 1 %}{{ a }}{{ b }}{% endwith %}{{ b }}{% endwith %}")
T("with.in_loop", "{% for i in [1, 2] %}{% with d = i * 2 %}{{ d }}{% endwith %}{% endfor %}")
T("with.set_block_inside", "{% with %}{% set x %}b{% endset %}{{ x }}{% endwith %}[{{ x }}]")
T("set.set_block_body_is_own_scope", "{% set x %}{% set y = 1 %}{{ y }}{% endset %}{{ x }}[{{ y }}]")
T("filterblock.set_inside_stays_inside", "{% filter upper %}{% set y = 'a' %}{{ y }}{% endfilter %}[{{ y }}]")
T("macros.sees_globals_set_before_call", "{% macro m() %}{{ g }}{% endmacro %}{% set g = 'late' %}{{ m() }}")
T("macros.set_inside_is_local", "{% macro m() %}{% set x = 'in' %}{{ x }}{% endmacro %}{% set x = 'out' %}{{ m() }} {{ x }}")
T("macros.parameter_shadows_outer", "{% set a = 'outer' %}{% macro m(a) %}{{ a }}{% endmacro %}{{ m('arg') }} {{ a }}")
T("macros.default_sees_earlier_parameter", "{% macro m(a, b=a * 2) %}{{ a }} {{ b }}{% endmacro %}{{ m(2) }}")
T("macros.in_loop_sees_loop_variable", "{% for i in [1, 2] %}{% macro m() %}{{ i }}{% endmacro %}{{ m() }}{% endfor %}")
T("macros.recursive", "{% macro f(n) %}{{ n }}{% if n > 0 %}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(3) }}")
T("macros.defined_in_if", "{% if true %}{% macro m() %}yes{% endmacro %}{% endif %}{{ m() }}")
T("macros.loop_in_macro_sees_parameter", "{% macro m(items) %}{% for i in items %}{{ i }}{% endfor %}{% endmacro %}{{ m([1, 2]) }}")
T("macros.caller_sees_call_site_scope", "{% macro m() %}[{{ caller() }}]{% endmacro %}{% set x = 'site' %}{% call m() %}{{ x }}{% endcall %}")
T("macros.caller_sees_loop_variable", "{% macro m() %}{{ caller() }}{% endmacro %}{% for i in [1, 2] %}{% call m() %}{{ i }}{% endcall %}{% endfor %}")
T("macros.caller_does_not_see_macro_locals",
  "{% macro m() %}{% set secret = 's' %}{{ caller() }}{% endmacro %}{% call m() %}[{{ secret }}]{% endcall %}")
T("macros.call_block_set_stays_inside", "{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}{% set y = 1 %}{{ y }}{% endcall %}[{{ y }}]")
T("macros.caller_with_arguments_and_defaults",
  "{% macro m() %}{{ caller(1) }}|{{ caller(1, 2) }}{% endmacro %}{% call(a, b='d') m() %}{{ a }}{{ b }}{% endcall %}")
T("macros.nested_call_blocks",
  "{% macro outer() %}O({{ caller() }}){% endmacro %}{% macro inner() %}I({{ caller() }}){% endmacro %}"
  "{% call outer() %}{% call inner() %}x{% endcall %}{% endcall %}")
T("macros.caller_passed_on", "{% macro a() %}{{ b(caller) }}{% endmacro %}{% macro b(c) %}<{{ c() }}>{% endmacro %}{% call a() %}x{% endcall %}")
MACROS16 = {"lib.html": "{% set greeting = 'hi' %}{% macro hello(n) %}{{ greeting }} {{ n }}{% endmacro %}"
                        "{% macro who() %}{{ user|default('nobody') }}{% endmacro %}{% set _private = 1 %}",
            "part.html": "[{{ x }}|{{ y|default('-') }}]{% set leaked = 1 %}",
            "loopvar.html": "{{ i }}{{ loop.index if loop is defined else '' }}"}
T("include.sees_outer_variables", "{% set x = 1 %}{% with y = 2 %}{% include 'part.html' %}{% endwith %}", files=MACROS16)
T("include.sees_loop_variables", "{% for i in [1, 2] %}{% include 'loopvar.html' %}{% endfor %}", files=MACROS16)
T("include.without_context_sees_nothing", "{% set x = 1 %}{% include 'part.html' without context %}", files=MACROS16)
T("include.set_inside_does_not_leak", "{% set x = 1 %}{% include 'part.html' %}[{{ leaked }}]", files=MACROS16)
T("include.in_macro_sees_parameters", "{% macro m(x) %}{% include 'part.html' %}{% endmacro %}{{ m(5) }}", files=MACROS16)
T("include.ignore_missing_with_context", "{% include 'nope.html' ignore missing with context %}ok", files=MACROS16)
T("import.module_without_context", "{% set user = 'u' %}{% import 'lib.html' as lib %}{{ lib.hello('a') }} {{ lib.who() }} {{ lib.greeting }}",
  files=MACROS16)
T("import.module_with_context", "{% set user = 'u' %}{% import 'lib.html' as lib with context %}{{ lib.who() }}", files=MACROS16)
T("import.from_with_context_sees_set", "{% set user = 'u' %}{% from 'lib.html' import who with context %}{{ who() }}", files=MACROS16)
T("import.from_without_context_default", "{% from 'lib.html' import who %}{{ who() }}", {"user": "ctx"}, files=MACROS16)
T("import.module_private_names_hidden", "{% import 'lib.html' as lib %}[{{ lib._private }}]", files=MACROS16)
T("import.in_loop_each_iteration", "{% for i in [1, 2] %}{% import 'lib.html' as lib %}{{ lib.hello(i) }};{% endfor %}", files=MACROS16)
T("import.inside_macro", "{% macro m() %}{% from 'lib.html' import hello %}{{ hello('m') }}{% endmacro %}{{ m() }}", files=MACROS16)
T("import.set_in_module_not_in_importer", "{% import 'lib.html' as lib %}[{{ greeting }}]", files=MACROS16)
T("import.module_attribute_missing", "{% import 'lib.html' as lib %}[{{ lib.nothing }}]", files=MACROS16)
T("import.module_printed", "{% import 'lib.html' as lib %}{{ lib }}", files=MACROS16)
T("import.exports_visible_to_blocks", "{% extends 'a.html' %}{% import 'lib.html' as lib %}{% block b %}{{ lib.hello('b') }}{% endblock %}",
  files={**MACROS16, **LAYOUTS16})

# Inheritance edge cases from Jinja's documentation.
CHAIN16 = {"base.html": "<{% block body %}base{% endblock %}>",
           "middle.html": "{% extends 'base.html' %}{% block body %}middle+{{ super() }}{% endblock %}"}
T("inheritance.super_chain_three_levels", "{% extends 'middle.html' %}{% block body %}child+{{ super() }}{% endblock %}",
  files=CHAIN16)
T("inheritance.super_called_twice", "{% extends 'base.html' %}{% block body %}{{ super() }}|{{ super() }}{% endblock %}", files=CHAIN16)
T("inheritance.super_skipping_middle", "{% extends 'middle.html' %}{% block other %}{% endblock %}", files=CHAIN16)
E("inheritance.super_at_base", "{% block body %}{{ super() }}{% endblock %}")
T("inheritance.super_at_base_is_undefined", "{% block body %}[{{ super is defined }}]{% endblock %}")
T("inheritance.self_block_repeated", "<title>{% block title %}T{% endblock %}</title><h1>{{ self.title() }}</h1>")
T("inheritance.self_block_overridden_by_child", "{% extends 'page.html' %}{% block title %}Child{% endblock %}",
  files={"page.html": "<title>{% block title %}T{% endblock %}</title><h1>{{ self.title() }}</h1>"})
T("inheritance.self_missing_block", "[{{ self.nothing is defined }}]")
T("inheritance.block_in_loop_not_scoped", "{% for i in [1, 2] %}{% block item %}[{{ i }}]{% endblock %}{% endfor %}")
T("inheritance.block_in_loop_scoped", "{% for i in [1, 2] %}{% block item scoped %}[{{ i }}]{% endblock %}{% endfor %}")
T("inheritance.scoped_block_overridden", "{% extends 'list.html' %}{% block item %}<{{ i }}>{% endblock %}",
  files={"list.html": "{% for i in [1, 2] %}{% block item scoped %}[{{ i }}]{% endblock %}{% endfor %}"})
T("inheritance.block_in_if_false_not_rendered", "{% if false %}{% block b %}hidden{% endblock %}{% endif %}shown")
T("inheritance.block_in_false_if_still_overrides", "{% extends 'layout.html' %}{% if false %}{% block b %}child{% endblock %}{% endif %}",
  files={"layout.html": "L[{% block b %}l{% endblock %}]"})
T("inheritance.block_sees_top_level_set", "{% set who = 'w' %}{% block b %}{{ who }}{% endblock %}")
T("inheritance.block_does_not_see_loop_var", "{% for i in [1] %}{% block b %}[{{ i }}]{% endblock %}{% endfor %}")
T("inheritance.block_set_is_local", "{% block b %}{% set x = 1 %}{{ x }}{% endblock %}[{{ x }}]")
T("inheritance.child_top_level_set_visible_in_parent_blocks", "{% extends 'layout.html' %}{% set who = 'child' %}",
  files={"layout.html": "L[{% block b %}{{ who }}{% endblock %}]"})
T("inheritance.nested_blocks_overridden", "{% extends 'layout.html' %}{% block inner %}I{% endblock %}",
  files={"layout.html": "{% block outer %}O[{% block inner %}i{% endblock %}]{% endblock %}"})
T("inheritance.nested_block_outer_overridden", "{% extends 'layout.html' %}{% block outer %}X{% endblock %}",
  files={"layout.html": "{% block outer %}O[{% block inner %}i{% endblock %}]{% endblock %}"})
T("inheritance.block_with_name_on_endblock", "{% block b %}x{% endblock b %}")
T("inheritance.required_block_overridden", "{% extends 'req.html' %}{% block content %}filled{% endblock %}",
  files={"req.html": "<{% block content required %}{% endblock %}>"})
T("inheritance.required_block_overridden_in_middle", "{% extends 'mid.html' %}",
  files={"req.html": "<{% block content required %}{% endblock %}>",
         "mid.html": "{% extends 'req.html' %}{% block content %}mid{% endblock %}"})
E("errors.required_block.rendered_directly", "<{% block content required %}{% endblock %}>")
T("inheritance.required_block_through_self_renders_body", "{% extends 'req.html' %}{% block other %}{{ self.content() }}{% endblock %}",
  files={"req.html": "{% block other %}{% endblock %}{% if false %}{% block content required %}{% endblock %}{% endif %}"})
T("inheritance.required_block_whitespace_and_comment", "{% extends 'req.html' %}{% block content %}ok{% endblock %}",
  files={"req.html": "<{% block content required %}\n  {# note #}\n{% endblock %}>"})
T("inheritance.required_scoped_block", "{% extends 'req.html' %}{% block content %}{{ i }}{% endblock %}",
  files={"req.html": "{% for i in [1, 2] %}{% block content scoped required %}{% endblock %}{% endfor %}"})
E("errors.syntax.block_defined_twice_line", "{% block a %}{% endblock %}\n{% block a %}{% endblock %}")
T("inheritance.self_in_child_block", "{% extends 'layout.html' %}{% block b %}{{ self.t() }}!{% endblock %}{% block t %}T{% endblock %}",
  files={"layout.html": "{% block t %}{% endblock %}|{% block b %}{% endblock %}"})
T("inheritance.block_scoped_sees_with", "{% with x = 1 %}{% block b scoped %}{{ x }}{% endblock %}{% endwith %}")
T("inheritance.block_in_macro_call", "{% extends 'layout.html' %}{% block b %}{{ caller_sees }}{% endblock %}",
  {"caller_sees": "ctx"}, files={"layout.html": "L[{% block b %}{% endblock %}]"})
T("inheritance.super_into_required_block", "{% extends 'req.html' %}{% block content %}[{{ super() }}]{% endblock %}",
  files={"req.html": "<{% block content required %}{% endblock %}>"})
T("inheritance.required_block_over_parent_block", "{% extends 'layout.html' %}{% block b required %}{% endblock %}",
  files={"layout.html": "L[{% block b %}l{% endblock %}]"})
T("import.module_printed_renders_body", "{% import 'part.html' as p %}{{ p }}", {"x": "ctx"}, files=MACROS16)
T("import.module_with_context_printed", "{% set x = 1 %}{% import 'part.html' as p with context %}{{ p }}", files=MACROS16)


# ---------------- issue 16: integers of any size
BIG = {"big": 12345678901234567890, "negative": -99999999999999999999, "small": 7}
T("bigint.literals", "{{ 99999999999999999999 }} {{ 9223372036854775808 }} {{ -9223372036854775808 }} {{ 0x1_0000_0000_0000_0000 }} "
  "{{ 0b1" + "0" * 70 + " }} {{ 1_000_000_000_000_000_000_000 }} {{ 99999999999999999999 - 99999999999999999998 }}")
T("bigint.literal_uses", "{% macro m(x=18446744073709551616) %}{{ x + 1 }}{% endmacro %}{{ m() }} "
  "{{ {18446744073709551616: 'key'}[2**64] }} {{ 18446744073709551616 is number }} {{ [99999999999999999999]|first }} "
  "{% if 18446744073709551616 > 2**63 %}bigger{% endif %} {{ 18446744073709551616|string|length }}")
T("bigint.power", "{{ 2**64 }} {{ 2**100 }} {{ (-2)**63 }} {{ (-2)**64 }} {{ 10**30 }}")
T("bigint.overflow_promotes", "{{ 9223372036854775807 + 1 }} {{ -9223372036854775807 - 2 }} {{ -(-9223372036854775807 - 1) }} {{ 4294967296 * 4294967296 }}")
T("bigint.normalises_back", "{{ 2**64 - 2**64 }} {{ (2**64 - 1) // 2**32 }} {{ (2**64) // (2**64) }} {{ 2**64 - 2**64 + 1 is integer }}")
T("bigint.arithmetic", "{{ 2**64 + 1 }} {{ 2**64 - 3 }} {{ 2**64 * 2**64 }} {{ -(2**64) }} {{ +(2**64) }}")
T("bigint.floor_division_signs", "{{ 2**64 // 3 }} {{ -(2**64) // 3 }} {{ 2**64 // -3 }} {{ -(2**64) // -3 }} {{ (-2**63) // -1 }}")
T("bigint.modulo_signs", "{{ 2**64 % 7 }} {{ -(2**64) % 7 }} {{ 2**64 % -7 }} {{ -(2**64) % -7 }} {{ (2**64 + 1) % -(2**32) }} {{ (-2**63) % -1 }}")
T("bigint.true_division", "{{ 2**64 / 2 }} {{ 10**30 / 7 }} {{ 2**2000 / 2**1999 }} {{ 10**400 / 10**399 }} {{ (2**53 + 1) / 1 }} {{ -(2**64) / 3 }}")
T("bigint.float_mix", "{{ 2**64 + 0.5 }} {{ 2**64 * 1.5 }} {{ 0.5 * 2**64 }} {{ 2**64 - 1.0 }} {{ (2**64) ** -1 }}")
T("bigint.compare_float_exactly", "{{ 2**53 + 1 > 2.0**53 }} {{ 2**53 + 1 == 2.0**53 }} {{ 2**64 == 2.0**64 }} {{ 2**64 < 1e300 }} {{ 10**400 > 1e308 }} {{ 2**64 + 1 != 2.0**64 }}")
T("bigint.compare_integers", "{{ 2**64 > 2**63 }} {{ -(2**64) < 5 }} {{ 2**64 == 2**64 }} {{ 2**64 != 2**64 + 1 }} {{ 2**64 in [1, 2**64] }} {{ 2**64 is sameas 2**64 }}")
T("bigint.dictionary_keys", "{{ {2**64: 'a'}[2**64] }} {{ {2.0**64: 'b'}[2**64] }} {{ {2**64: 'c'}[2.0**64] }} {{ {2**64: 1, 2**64 + 1: 2}|length }}")
T("bigint.truthiness", "{{ 1 if 2**64 else 0 }} {{ 1 if 2**64 - 2**64 else 0 }} {% if 10**20 %}yes{% endif %} {{ not 2**64 }}")
T("bigint.tests", "{{ (10**100) is number }} {{ (2**64) is integer }} {{ (2**64) is even }} {{ (2**64 + 1) is odd }} {{ (2**64) is divisibleby 3 }} {{ (2**64) is divisibleby(2**32) }} {{ (2**64) is float }}")
T("bigint.int_filter", "{{ '12345678901234567890'|int }} {{ '-99999999999999999999'|int }} {{ 1.5e20|int }} {{ '1e20'|int }} {{ 'ffffffffffffffffffff'|int(base=16) }} {{ (2**64)|int }}")
T("bigint.int_of_large_float", "{{ 1e300|int }}")
T("bigint.int_filter_too_many_digits", "{{ ('1' * 5000)|int }} {{ ('1' * 5000)|int(-1) }}")
T("bigint.float_filter", "{{ (2**64)|float }} {{ (2**64 + 2**11 + 1)|float }} {{ '12345678901234567890'|float }}")
T("bigint.abs_round", "{{ (2**64)|abs }} {{ (-2**64)|abs }} {{ (-2**63)|abs }} {{ (2**64)|round }} {{ (2**64)|round(-2) }} {{ (2**64)|round(2) }}")
T("bigint.sum_max_min", "{{ [2**64, 1]|sum }} {{ [2**63, 2**63]|sum }} {{ [2**64, 3]|max }} {{ [2**64, 3]|min }} {{ [2**64, 1, 2**65]|sort }} {{ [2**64, 1.5]|sort }}")
T("bigint.string_forms", "{{ (2**64)|string }} {{ (2**64)|string|length }} {{ 2**64 ~ '' }} {{ [2**64] }} {{ (2**64, 2) }} {{ (2**64)|pprint }}")
T("bigint.filesizeformat", "{{ (2**70)|filesizeformat }} {{ (10**30)|filesizeformat(true) }}")
T("bigint.percent_format", "{{ '%d %i %x %X %o %s %r'|format(2**64, -(2**64), 2**64, 2**64, 2**64, 2**64, 2**64) }} {{ '%e %.3f'|format(2**64, 2**64) }} {{ '%30d|%-25d|%+d'|format(2**64, 2**64, 2**64) }}")
T("bigint.str_format", "{{ '{:,}'.format(2**64) }} {{ '{:_}'.format(2**64) }} {{ '{:x}'.format(2**64) }} {{ '{:>30}'.format(2**64) }} {{ '{:e}'.format(2**64) }} {{ '{}'.format(-(2**64)) }} {{ '{:b}'.format(2**65) }}")
T("bigint.tojson", "{{ (2**64)|tojson }} {{ [2**64, -(2**64)]|tojson }} {{ {2**64: 1}|tojson }}")
T("bigint.context_from_json", "{{ big }} {{ big + 1 }} {{ big|tojson }} {{ big is integer }} {{ negative }} {{ negative * -1 }} {{ small * big }}", BIG)
T("bigint.context_dictionary", "{{ numbers|tojson }} {{ numbers.big // small }}", {"numbers": BIG, "small": 7})
T("bigint.loop_sum", "{% set ns = namespace(total=1) %}{% for i in range(70) %}{% set ns.total = ns.total * 2 %}{% endfor %}{{ ns.total }}")
E("bigint.floor_division_by_zero", "{{ 2**64 // 0 }}")
E("bigint.modulo_by_zero", "{{ 2**64 % 0 }}")
E("bigint.division_by_zero", "{{ 2**64 / 0 }}")
E("bigint.division_too_large_for_float", "{{ 2**1024 / 1 }}")
E("bigint.float_operand_too_large", "{{ 2**1024 + 1.0 }}")
E("bigint.float_filter_too_large", "{{ (2**1024)|float }}")
E("bigint.too_many_digits_to_print", "{{ 10**5000 }}")
E("bigint.repeat_string", "{{ 'ab' * 2**64 }}")

# ---------------- issue 16: compiled locals
# Jinja compiles each scope's names to locals decided before rendering: a name a scope sets
# anywhere (set, macro, import, for target) is that scope's local from its start, so a loop,
# macro or call body nested before the `set` reads it as undefined, not from the context.
LOCALS16 = {"inc.html": "[{{ x }}]", "mod.html": "{% macro show() %}<{{ x }}>{% endmacro %}",
            "base.html": "{% block b %}{% endblock %}"}
T("locals.loop_before_root_set", "{% for i in [1] %}{{ x }}{% endfor %}{% set x = 1 %}{{ x }}", {"x": "ctx"})
T("locals.loop_before_root_set_no_context", "{% for i in [1] %}{{ x is defined }}{% endfor %}{% set x = 1 %}")
T("locals.root_read_first_resolves", "{{ x }}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 1 %}{{ x }}", {"x": "ctx"})
T("locals.root_read_after_resolves_undefined", "{% for i in [1] %}{{ x }}{% endfor %}{% set x = 1 %}{{ x }}{% for i in [1] %}{{ x }}{% endfor %}", {"x": "ctx"})
T("locals.loop_after_root_set", "{% set x = 1 %}{% for i in [1] %}{{ x }}{% endfor %}", {"x": "ctx"})
T("locals.root_set_in_if_resolves", "{% for i in [1] %}{{ x }}{% endfor %}{% if c %}{% set x = 1 %}{% endif %}{{ x }}", {"x": "ctx", "c": False})
T("locals.root_set_in_if_taken", "{% if c %}{% set x = 1 %}{% endif %}{% for i in [1] %}{{ x }}{% endfor %}", {"x": "ctx", "c": True})
T("locals.root_set_in_both_branches", "{% for i in [1] %}{{ x }}{% endfor %}{% if c %}{% set x = 1 %}{% else %}{% set x = 2 %}{% endif %}{{ x }}", {"x": "ctx", "c": False})
T("locals.root_set_after_if_reads", "{% if c %}{{ x }}{% endif %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 1 %}", {"x": "ctx", "c": True})
T("locals.macro_called_before_root_set", "{% macro m() %}{{ x }}{% endmacro %}{{ m() }}{% set x = 1 %}{{ m() }}", {"x": "ctx"})
T("locals.macro_without_later_set", "{% macro m() %}{{ x }}{% endmacro %}{{ m() }}", {"x": "ctx"})
T("locals.call_block_before_root_set", "{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}{{ x }}{% endcall %}{% set x = 1 %}", {"x": "ctx"})
T("locals.with_before_root_set", "{% with y = 2 %}{{ x }}{% endwith %}{% set x = 1 %}", {"x": "ctx"})
T("locals.with_value_before_root_set", "{% with y = x %}{{ y }}{% endwith %}{% set x = 1 %}", {"x": "ctx"})
T("locals.filter_block_before_root_set", "{% filter upper %}{{ x }}{% endfilter %}{% set x = 1 %}", {"x": "ctx"})
T("locals.set_block_before_root_set", "{% set y %}{{ x }}{% endset %}{{ y }}{% set x = 1 %}", {"x": "ctx"})
T("locals.autoescape_block_before_root_set", "{% autoescape true %}{{ x }}{% endautoescape %}{% set x = 1 %}", {"x": "ctx"})
T("locals.loop_filter_before_root_set", "{% for i in [1, 2] if i == x %}{{ i }}{% else %}none{% endfor %}{% set x = 1 %}", {"x": 2})
T("locals.loop_else_before_root_set", "{% for i in [] %}{% else %}{{ x }}{% endfor %}{% set x = 1 %}", {"x": "ctx"})
T("locals.loop_iterable_is_outer_scope", "{% for i in x %}{{ i }}{% endfor %}{% set x = 1 %}", {"x": [1, 2]})
T("locals.nested_loops_before_root_set", "{% for i in [1] %}{% for j in [1] %}{{ x }}{% endfor %}{% endfor %}{% set x = 1 %}", {"x": "ctx"})
T("locals.macro_set_later_by_macro", "{% macro x() %}M{% endmacro %}{% for i in [1] %}{{ x() }}{% endfor %}", {"x": "ctx"})
T("locals.macro_defined_later", "{% for i in [1] %}{{ m is defined }}{% endfor %}{% macro m() %}M{% endmacro %}", {"m": "ctx"})
T("locals.import_later", "{% for i in [1] %}{{ mod is defined }}{% endfor %}{% import 'mod.html' as mod %}", {"mod": "ctx"}, files=LOCALS16)
T("locals.from_import_later", "{% for i in [1] %}{{ show is defined }}{% endfor %}{% from 'mod.html' import show %}", {"show": "ctx"}, files=LOCALS16)
# Inside a loop: a later `set` in the same iteration leaves a nested loop before it undefined.
T("locals.in_loop_nested_loop_before_set", "{% for i in [1, 2] %}{% for j in [1] %}{{ x }}{% endfor %}{% set x = i %}{{ x }}{% endfor %}", {"x": "ctx"})
T("locals.in_loop_read_first", "{% for i in [1, 2] %}{{ x }}{% for j in [1] %}{{ x }}{% endfor %}{% set x = i %}{% endfor %}", {"x": "ctx"})
T("locals.in_loop_aliases_root", "{% set x = 0 %}{% for i in [1, 2] %}{% for j in [1] %}{{ x }}{% endfor %}{% set x = i %}{% endfor %}", {"x": "ctx"})
T("locals.in_loop_aliases_root_set_later", "{% for i in [1, 2] %}{% for j in [1] %}{{ x }}{% endfor %}{% set x = i %}{% endfor %}{% set x = 0 %}", {"x": "ctx"})
T("locals.in_loop_set_in_if", "{% for i in [1, 2] %}{% for j in [1] %}{{ x }}{% endfor %}{% if i == 1 %}{% set x = i %}{% endif %}{% endfor %}", {"x": "ctx"})
T("locals.in_loop_root_reads_set_later", "{{ x }}{% for i in [1, 2] %}{% for j in [1] %}{{ x }}{% endfor %}{% set x = i %}{% endfor %}", {"x": "ctx"})
T("locals.loop_target_read_in_nested_macro", "{% for x in [1, 2] %}{% macro m() %}{{ x }}{% endmacro %}{{ m() }}{% endfor %}", {"x": "ctx"})
T("locals.loop_object_in_nested_loop", "{% for i in [1, 2] %}{% for j in [1] %}{{ loop.index }}{% endfor %}{% endfor %}")
# Inside a macro: its parameters are always bound; what it sets later is undefined before.
T("locals.in_macro_loop_before_set", "{% macro m() %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 1 %}{{ x }}{% endmacro %}{{ m() }}", {"x": "ctx"})
T("locals.in_macro_parameter_in_loop", "{% macro m(x) %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 2 %}{% endmacro %}{{ m(1) }}", {"x": "ctx"})
T("locals.in_macro_default_in_loop", "{% macro m(x=5) %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 2 %}{% endmacro %}{{ m() }}", {"x": "ctx"})
T("locals.in_macro_aliases_root_set_later", "{% macro m() %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 2 %}{% endmacro %}{{ m() }}{% set x = 1 %}{{ m() }}", {"x": "ctx"})
T("locals.in_macro_aliases_root_read", "{{ x }}{% macro m() %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 2 %}{% endmacro %}{{ m() }}", {"x": "ctx"})
T("locals.in_macro_caller_in_loop", "{% macro m() %}{% for i in [1] %}{{ caller() }}{% endfor %}{% endmacro %}{% call m() %}c{% endcall %}")
T("locals.in_macro_varargs_in_loop", "{% macro m() %}{% for i in [1] %}{{ varargs }}{{ kwargs }}{% endfor %}{% endmacro %}{{ m(1, a=2) }}")
T("locals.in_call_block_loop_before_set", "{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 1 %}{% endcall %}", {"x": "ctx"})
T("locals.nested_macro_before_set", "{% macro m() %}{% macro inner() %}{{ x }}{% endmacro %}{{ inner() }}{% set x = 1 %}{{ inner() }}{% endmacro %}{{ m() }}", {"x": "ctx"})
# Blocks are scopes of their own, read from the context: the template's later `set` does not reach them.
T("locals.block_before_root_set", "{% block b %}{{ x }}{% endblock %}{% set x = 1 %}", {"x": "ctx"})
T("locals.in_block_loop_before_set", "{% block b %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 1 %}{{ x }}{% endblock %}", {"x": "ctx"})
T("locals.in_child_block_loop_before_set", "{% extends 'base.html' %}{% block b %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 1 %}{% endblock %}", {"x": "ctx"}, files=LOCALS16)
T("locals.in_with_loop_before_set", "{% with y = 1 %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 1 %}{% endwith %}", {"x": "ctx"})
T("locals.with_target_read_in_loop", "{% with x = 1 %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 2 %}{% endwith %}", {"x": "ctx"})
# Includes and imports with context see the context's value until the `set` runs.
T("locals.include_in_loop_before_set", "{% for i in [1] %}{% include 'inc.html' %}{% endfor %}{% set x = 1 %}{% include 'inc.html' %}", {"x": "ctx"}, files=LOCALS16)
T("locals.import_with_context_in_loop_before_set", "{% for i in [1] %}{% import 'mod.html' as mod with context %}{{ mod.show() }}{% endfor %}{% set x = 1 %}", {"x": "ctx"}, files=LOCALS16)
T("locals.namespace_set_later", "{% for i in [1] %}{{ ns is defined }}{% endfor %}{% set ns = namespace(a=1) %}{% for i in [1] %}{% set ns.a = 2 %}{% endfor %}{{ ns.a }}", {"ns": "ctx"})
T("locals.strict_undefined_in_loop_before_set", "{% for i in [1] %}{{ x|default('dflt') }}{% endfor %}{% set x = 1 %}", {"x": "ctx"}, undefined="strict")
E("locals.strict_undefined_error_in_loop_before_set", "{% for i in [1] %}{{ x }}{% endfor %}{% set x = 1 %}", {"x": "ctx"}, undefined="strict")
T("locals.set_in_elif_resolves", "{% for i in [1] %}{{ x }}{% endfor %}{% if a %}{% elif b %}{% set x = 1 %}{% else %}{% endif %}{{ x }}", {"x": "ctx", "a": False, "b": False})
T("locals.elif_condition_reads_first", "{% if a %}{% elif x %}{% endif %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 1 %}", {"x": "ctx", "a": False})
T("locals.in_loop_set_in_if_aliases_root_set_later", "{% for i in [1, 2] %}{% for j in [1] %}{{ x }}{% endfor %}{% if i == 1 %}{% set x = i %}{% endif %}{% endfor %}{% set x = 0 %}", {"x": "ctx"})
T("locals.tuple_set_later", "{% for i in [1] %}{{ a }}{{ b }}{% endfor %}{% set a, b = 1, 2 %}{{ a }}{{ b }}", {"a": "A", "b": "B"})
T("locals.with_target_set_later_outside", "{% with x = 1 %}{% for i in [1] %}{{ x }}{% endfor %}{% endwith %}{% set x = 2 %}", {"x": "ctx"})
T("locals.set_reads_itself_in_loop", "{% for i in [1, 2] %}{% set x = x ~ i %}{{ x }}{% endfor %}", {"x": "ctx"})
T("locals.call_block_parameter_in_loop", "{% macro m() %}{{ caller(1) }}{% endmacro %}{% call(x) m() %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 2 %}{% endcall %}", {"x": "ctx"})
T("locals.recursive_loop_before_set", "{% for i in [[1], 2] recursive %}{% for j in [1] %}{{ x }}{% endfor %}{% set x = 5 %}{% if i is iterable %}{{ loop(i) }}{% endif %}{% endfor %}", {"x": "ctx"})
T("locals.block_in_loop_reads_context", "{% for x in [1] %}{% block b %}{{ x }}{% endblock %}{% endfor %}", {"x": "ctx"})
T("locals.scoped_block_in_loop_before_set", "{% for x in [1] %}{% block b scoped %}{% for i in [1] %}{{ x }}{% endfor %}{% set x = 2 %}{% endblock %}{% endfor %}", {"x": "ctx"})
T("locals.include_in_macro_before_set", "{% macro m() %}{% include 'inc.html' %}{% endmacro %}{{ m() }}{% set x = 1 %}{{ m() }}", {"x": "ctx"}, files=LOCALS16)
T("locals.macro_default_reads_later_set", "{% macro m(y=x) %}{{ y }}{% endmacro %}{{ m() }}{% set x = 1 %}{{ m() }}", {"x": "ctx"})
T("locals.import_then_loop", "{% import 'mod.html' as mod with context %}{% from 'mod.html' import show with context %}"
  "{% for i in [1] %}{{ mod.show() }}{{ show() }}{% endfor %}{% macro m() %}{{ show() }}{% endmacro %}{{ m() }}", {"x": "ctx"}, files=LOCALS16)
T("locals.self_and_super_unaffected", "{% extends 'base.html' %}{% block b %}{% for i in [1] %}{{ self }}{% endfor %}{% set y = 1 %}{% endblock %}", files=LOCALS16)

# ---------------------------------------------------------------- run
def make_env(templates, options):
    return Environment(
        loader=DictLoader(templates),
        autoescape=flask_autoescape,
        undefined=StrictUndefined if options["undefined"] == "strict" else Undefined,
        trim_blocks=options["trim_blocks"],
        lstrip_blocks=options["lstrip_blocks"],
        keep_trailing_newline=options["keep_trailing_newline"],
    )


def run(case):
    # Round-trip through sorted JSON so the context the Swift side reads is exactly what was rendered
    # (including dict iteration order = sorted key order).
    ctx = json.loads(json.dumps(case["context"], sort_keys=True))
    env = make_env(case["templates"], case["options"])
    out = {k: case[k] for k in ("id", "templates", "entry", "options")}
    out["context"] = ctx
    out["feature"] = case["id"].split(".")[0]
    out["autoescape"] = flask_autoescape(case["entry"])
    try:
        result = env.get_template(case["entry"]).render(wrap_markup(ctx))
    except Exception as e:  # noqa: BLE001 - recording Jinja's behaviour is the point
        if not case["err"]:
            raise SystemExit(f"{case['id']}: unexpected {type(e).__name__}: {e}")
        out["error"] = {"type": type(e).__name__, "message": str(e),
                        "lineno": getattr(e, "lineno", None), "template": getattr(e, "name", None)
                        if isinstance(e, jinja2.TemplateSyntaxError) else None}
        return out
    if case["err"]:
        raise SystemExit(f"{case['id']}: expected an error, got {result!r}")
    if " at 0x" in result:
        raise SystemExit(f"{case['id']}: non-deterministic output {result!r}")
    out["expected"] = result
    return out


def main():
    ids = [c["id"] for c in CASES]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise SystemExit(f"duplicate ids: {sorted(dupes)}")
    results = [run(c) for c in CASES]
    doc = {"generator": "generate.py", "jinja2_version": jinja2.__version__, "cases": results}
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    counts = {}
    for r in results:
        counts[r["feature"]] = counts.get(r["feature"], 0) + 1
    for k, v in counts.items():
        print(f"{k:12} {v}")
    print(f"{'total':12} {len(results)}  (errors: {sum('error' in r for r in results)})")


if __name__ == "__main__":
    main()
