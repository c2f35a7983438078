"""Renders templates/page.html with Jinja2 as Flask configures it and
prints the rendered page to stdout and the time per render to stderr."""
import json
import sys
import time

from jinja2 import Environment, FileSystemLoader


def flask_autoescape(name):
    return name is None or name.endswith((".html", ".htm", ".xml", ".xhtml", ".svg"))


def main():
    folder, context_path, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    environment = Environment(loader=FileSystemLoader(folder), autoescape=flask_autoescape)
    with open(context_path) as file:
        context = json.load(file)
    template = environment.get_template("page.html")
    page = template.render(context)
    samples = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        for _ in range(20):
            template.render(context)
        samples.append((time.perf_counter() - start) / 20)
    samples.sort()
    sys.stdout.write(page)
    sys.stderr.write(f"{samples[len(samples) // 2] * 1e6:.1f}\n")


main()
