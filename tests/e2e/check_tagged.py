#!/usr/bin/env python3
"""Checks a PDF's tagging as an independent reader, from `qpdf --json` alone.

Usage: check_tagged.py FILE.pdf
Prints one line per problem and exits 1 if there is any. Checked:
- the catalog has /MarkInfo << /Marked true >>, /Lang and a /StructTreeRoot;
- every marked-content sequence with an MCID on every page belongs to exactly one structure
  element (found by walking the tree from the root), and the ParentTree maps it to that element;
- every other marked-content sequence is an /Artifact, and nothing is drawn (text shown, path
  painted, image placed) outside marked content;
- every Figure has /Alt; every Note has an /ID, and the IDTree maps each /ID to its element;
  headings nest without skipping levels (H1, then at most one deeper);
- every Table has header cells (TH);
- every Link annotation has a /StructParent whose ParentTree entry is a Link element that holds
  the annotation as an OBJR kid.
"""

import base64
import json
import re
import subprocess
import sys


def load(path):
    out = subprocess.run(
        ["qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", path],
        check=True, capture_output=True).stdout
    doc = json.loads(out)
    objects = {}
    for key, value in doc["qpdf"][1].items():
        if key.startswith("obj:"):
            objects[key[4:]] = value
        elif key == "trailer":
            objects["trailer"] = value
    return doc, objects


class Pdf:
    def __init__(self, path):
        self.doc, self.objects = load(path)
        self.problems = []

    def value(self, obj):
        """Follows an indirect reference; returns dicts, arrays and scalars as qpdf gives them."""
        seen = 0
        while isinstance(obj, str) and obj.endswith(" R") and seen < 10:
            entry = self.objects.get(obj)
            if entry is None:
                return None
            obj = entry["value"] if "value" in entry else entry["stream"]["dict"]
            seen += 1
        return obj

    def stream_data(self, ref):
        entry = self.objects[ref]
        return base64.b64decode(entry["stream"].get("data", ""))

    def problem(self, text):
        self.problems.append(text)


TOKEN = re.compile(rb"""
    (?P<space>\s+|%[^\r\n]*)
  | (?P<dict><<|>>)
  | (?P<hex><[0-9A-Fa-f\s]*>)
  | (?P<string>\()
  | (?P<array>[\[\]])
  | (?P<name>/[^\s/\[\]()<>{}%]*)
  | (?P<number>[+-]?(?:\d+\.?\d*|\.\d+))
  | (?P<word>[^\s/\[\]()<>{}%]+)
""", re.X)

PAINTING = {b"Tj", b"TJ", b"'", b'"', b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"Do", b"sh"}


def operators(data):
    """Yields (operator, operands) from a content stream."""
    operands = []
    i = 0
    while i < len(data):
        m = TOKEN.match(data, i)
        if not m:
            i += 1
            continue
        kind = m.lastgroup
        if kind == "string":
            depth, j = 1, m.end()
            while j < len(data) and depth:
                c = data[j:j + 1]
                if c == b"\\":
                    j += 2
                    continue
                depth += c == b"("
                depth -= c == b")"
                j += 1
            operands.append(data[m.start():j])
            i = j
            continue
        i = m.end()
        if kind == "space":
            continue
        if kind == "word" and kind not in ("true", "false", "null"):
            word = m.group()
            if word in (b"true", b"false", b"null"):
                operands.append(word)
            else:
                yield word, operands
                operands = []
            continue
        operands.append(m.group())


def page_content(pdf, page):
    contents = page.get("/Contents")
    refs = contents if isinstance(contents, list) else [contents]
    return b"\n".join(pdf.stream_data(r) for r in refs if r)


def check(path):
    pdf = Pdf(path)
    trailer = pdf.objects.get("trailer", {}).get("value", {})
    catalog = pdf.value(trailer.get("/Root"))
    if not catalog:
        pdf.problem("no catalog")
        return pdf.problems, 0, 0
    mark_info = pdf.value(catalog.get("/MarkInfo")) or {}
    if mark_info.get("/Marked") is not True:
        pdf.problem("catalog: /MarkInfo /Marked is not true")
    if not catalog.get("/Lang"):
        pdf.problem("catalog: no /Lang")
    root = pdf.value(catalog.get("/StructTreeRoot"))
    if not root:
        pdf.problem("catalog: no /StructTreeRoot")
        return pdf.problems, 0, 0

    pages = [p["object"] for p in pdf.doc["pages"]]
    page_index = {ref: i for i, ref in enumerate(pages)}

    # Walk the tree: (page, mcid) -> elements; annotation -> elements; elements in order.
    owners = {}
    annotation_owners = {}
    order = []  # (ref, S)

    def walk(ref, inherited_page, depth):
        if depth > 200:
            pdf.problem("structure tree deeper than 200")
            return
        element = pdf.value(ref)
        if not isinstance(element, dict):
            return
        role = element.get("/S", "")
        order.append((ref, role))
        pg = element.get("/Pg", inherited_page)
        kids = element.get("/K")
        if kids is None:
            kids = []
        if not isinstance(kids, list):
            kids = [kids]
        for kid in kids:
            if isinstance(kid, int):
                owners.setdefault((pg, kid), []).append(ref)
                continue
            value = pdf.value(kid)
            if isinstance(value, dict) and value.get("/Type") == "/MCR":
                owners.setdefault((value.get("/Pg", pg), value.get("/MCID")), []).append(ref)
            elif isinstance(value, dict) and value.get("/Type") == "/OBJR":
                annotation_owners.setdefault(value.get("/Obj"), []).append(ref)
            elif isinstance(value, dict):
                walk(kid, pg, depth + 1)

    top = root.get("/K")
    for kid in top if isinstance(top, list) else [top]:
        walk(kid, None, 0)

    # ParentTree (a flat /Nums array, as written by single-level trees).
    parent_tree = pdf.value(root.get("/ParentTree")) or {}
    nums = pdf.value(parent_tree.get("/Nums")) or []
    parents = {nums[i]: nums[i + 1] for i in range(0, len(nums) - 1, 2)}

    # Content: every MCID sequence owned once, every other sequence an artifact, nothing outside.
    for i, ref in enumerate(pages):
        page = pdf.value(ref)
        data = page_content(pdf, page)
        key = page.get("/StructParents")
        mcid_parents = pdf.value(parents.get(key)) if key is not None else None
        stack = []
        for op, args in operators(data):
            if op in (b"BDC", b"BMC"):
                tag = args[0].decode() if args else "?"
                mcid = None
                props = b" ".join(args[1:])
                m = re.search(rb"/MCID\s+(\d+)", props)
                if m:
                    mcid = int(m.group(1))
                stack.append((tag, mcid))
                if tag == "/Artifact" or mcid is None:
                    continue
                found = owners.get((ref, mcid), [])
                if len(found) != 1:
                    pdf.problem(f"page {i + 1}: MCID {mcid} ({tag}) belongs to {len(found)} structure elements")
                elif not mcid_parents or mcid >= len(mcid_parents) or mcid_parents[mcid] != found[0]:
                    pdf.problem(f"page {i + 1}: ParentTree does not map MCID {mcid} to its element")
            elif op == b"EMC":
                if not stack:
                    pdf.problem(f"page {i + 1}: EMC without BDC")
                else:
                    stack.pop()
            elif op in PAINTING:
                outer = [s for s in stack if s[0] == "/Artifact" or s[1] is not None]
                if not outer:
                    pdf.problem(f"page {i + 1}: `{op.decode()}` outside marked content")
        if stack:
            pdf.problem(f"page {i + 1}: marked content left open")

    # Elements: Figure has Alt, Note has an ID the IDTree maps to it, headings nest, tables have TH.
    id_tree = pdf.value(root.get("/IDTree")) or {}
    names = pdf.value(id_tree.get("/Names")) or []
    id_map = {names[i]: names[i + 1] for i in range(0, len(names) - 1, 2)}
    last_level = 0
    for ref, role in order:
        element = pdf.value(ref)
        if role == "/Figure" and not element.get("/Alt"):
            pdf.problem(f"Figure {ref} has no /Alt")
        if role == "/Note" and not element.get("/ID"):
            pdf.problem(f"Note {ref} has no /ID")
        if "/ID" in element and id_map.get(element["/ID"]) != ref:
            pdf.problem(f"{role} {ref}: IDTree does not map its /ID to it")
        m = re.fullmatch(r"/H([1-6])", role)
        if m:
            level = int(m.group(1))
            if level > last_level + 1:
                pdf.problem(f"heading H{level} follows H{last_level}: a level is skipped")
            last_level = level
        if role == "/Table":
            def has_th(r, depth=0):
                e = pdf.value(r)
                if not isinstance(e, dict) or depth > 50:
                    return False
                if e.get("/S") == "/TH":
                    return True
                k = e.get("/K", [])
                return any(has_th(x, depth + 1) for x in (k if isinstance(k, list) else [k]) if isinstance(x, str))
            if not has_th(ref):
                pdf.problem(f"Table {ref} has no header cells (TH)")

    # Link annotations.
    links = 0
    for i, ref in enumerate(pages):
        page = pdf.value(ref)
        for annot_ref in pdf.value(page.get("/Annots")) or []:
            annot = pdf.value(annot_ref)
            if annot.get("/Subtype") != "/Link":
                continue
            links += 1
            key = annot.get("/StructParent")
            if key is None:
                pdf.problem(f"page {i + 1}: Link annotation {annot_ref} has no /StructParent")
                continue
            parent = parents.get(key)
            element = pdf.value(parent) if parent else None
            if not element or element.get("/S") != "/Link":
                pdf.problem(f"page {i + 1}: Link annotation {annot_ref}: ParentTree entry is not a Link element")
            elif annotation_owners.get(annot_ref) != [parent]:
                pdf.problem(f"page {i + 1}: Link annotation {annot_ref} is not an OBJR kid of exactly its Link element")
    return pdf.problems, len(order), links


def main():
    problems, elements, links = check(sys.argv[1])
    for p in problems[:50]:
        print(p)
    if len(problems) > 50:
        print(f"... and {len(problems) - 50} more")
    print(f"{elements} structure elements, {links} link annotations, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
