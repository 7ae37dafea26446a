"""Markdown's abbr extension with a faster search of each page: mkdocs.yml lists it as
``wilguide.abbreviation_marks`` in place of ``abbr``.

The library's extension marks abbreviations by visiting every element of a page, recursively,
trying its pattern at every character of every text, and looking up each element's place in its
parent. With the glossary's 36 abbreviations given to every page (hooks/abbreviations.py), that
took about 60 ms of each rebuild. This treeprocessor writes the same pattern so that Python's
regular expressions can skip to the characters an abbreviation starts with, finds the texts that
hold one, and changes those alone, in the same way. Everything else is the library's: the
glossary, the ``*[HTML]: ...`` definitions on a page, the ``<abbr>`` elements. The pages it makes
are compared with the library's own, page by page (tests/test_abbreviation_marks.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from markdown.util import AtomicString


def abbreviation_pattern(abbreviations) -> re.Pattern:
    """The library's pattern, ``\\b(?:AIT|EDI|...)\\b``, longest first. When every abbreviation
    starts with a word character, the boundary before it is checked after its first character
    (``A(?<!\\w.)IT``): the same matches, and a pattern that starts with a set of characters,
    which the regular expression engine searches for directly (about 7 times as fast here)."""
    keys = sorted(abbreviations, key=len, reverse=True)
    if all(re.match(r"\w", key) for key in keys):
        return re.compile("(?:" + "|".join(re.escape(key[0]) + r"(?<!\w.)" + re.escape(key[1:]) for key in keys) + r")\b")
    return re.compile(r"\b(?:" + "|".join(re.escape(key) for key in keys) + r")\b")


class AbbreviationMarks(AbbrTreeprocessor):
    def run(self, root: etree.Element) -> None:
        if not self.abbrs:
            return
        self.RE = abbreviation_pattern(self.abbrs)
        search = self.RE.search
        texts, tails = [], []  # elements whose text holds an abbreviation; (element, parent) for tails
        for parent in root.iter():
            text = parent.text
            if text and search(text) and not isinstance(text, AtomicString):
                texts.append(parent)
            for child in parent:
                tail = child.tail
                if tail and search(tail) and not isinstance(tail, AtomicString):
                    tails.append((child, parent))
        # Each change splits one text and inserts next to its own element: the order of the changes
        # does not matter, and a new <abbr> element is never searched again.
        for element in texts:
            element.text = self._marked(element.text, lambda abbr: element.insert(0, abbr))
        for element, parent in tails:
            index = list(parent).index(element) + 1
            element.tail = self._marked(element.tail, lambda abbr: parent.insert(index, abbr))

    def _marked(self, text: str, insert) -> str:
        """The text up to its first abbreviation; each abbreviation, with the text after it, goes
        into an <abbr> element given to ``insert``, the last one first."""
        for found in reversed(list(self.RE.finditer(text))):
            title = self.abbrs[found.group(0)]
            if title:  # an abbreviation defined as empty is not marked
                insert(self.create_element(title, found.group(0), text[found.end():]))
                text = text[: found.start()]
        return text


class AbbreviationMarksExtension(AbbrExtension):
    def extendMarkdown(self, md) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(AbbreviationMarks(md, self.abbrs), "abbr", 7)


def makeExtension(**kwargs) -> AbbreviationMarksExtension:  # noqa: N802 (Markdown's name)
    return AbbreviationMarksExtension(**kwargs)
