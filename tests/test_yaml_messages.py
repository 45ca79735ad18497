"""No PyYAML English reaches a student: every syntax mistake gets an Indonesian message at its line."""

from __future__ import annotations

import re

import pytest

from macros.yaml_source import YamlSyntaxError, parse_yaml

BROKEN = ["a: - b", "a: [1, 2", "a: {b: 1", "a: ]", "a: &", "a: *", "a: 'x' y", "a: &x 1\nb: &x 2", "a: \x01",
          "--- a\n--- b", 'a: "\\q"', 'a: "\\x4"', "%YAML 2.0\n---\na: 1", "a: !x!y 1", "a: !<x 1", "a:\n  b: 1\n c: 2",
          "a: @x", "a: `x", 'a: "x', "? [a\n: b", "a: %x", "a: |\n x\ny", "- a\nb: 1", "a: b: c", "{a: 1}}",
          "a: 1\n---\nb: 2", "a: *nama", "a:\n  - b\n c: d", "a: {b: [1, 2}"]
ENGLISH = re.compile(r"\b(found|expected|while|allowed|character|token|mapping|sequence|scanning|parsing|document|"
                     r"stream|block|anchor|not|but)\b")


def test_the_table_covers_at_least_the_18_reported_messages():
    assert len(BROKEN) >= 18


@pytest.mark.parametrize("text", BROKEN, ids=range(len(BROKEN)))
def test_every_yaml_mistake_is_said_in_indonesian(text):
    with pytest.raises(YamlSyntaxError) as error:
        parse_yaml(text)
    for problem in error.value.problems:
        assert problem.line >= 1 and problem.message
        assert not ENGLISH.search(problem.message + " " + problem.hint), problem
