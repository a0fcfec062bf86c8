"""The one check of every string a request brings in, variables and document literals alike: its length,
and characters PostgreSQL cannot store (NUL, lone UTF-16 surrogates) or that no field means to hold (C0
control characters other than tab, line feed and carriage return)."""

import re
from collections.abc import Iterator
from typing import Any

from graphql import ArgumentNode, FieldNode, GraphQLError, ObjectFieldNode, StringValueNode, ValidationRule

from redchain.infra.settings import get_settings

# Newlines pass everywhere: the schema does not tell a one-line field from a multi-line one (a name from a
# description), and a stray newline is stored faithfully, unlike a NUL.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


class BadString(Exception):
    """A string input refused before execution; `where` is the dotted path of the input."""

    def __init__(self, reason: str, where: str) -> None:
        super().__init__(reason)
        self.reason, self.where = reason, where


def string_problem(value: str, max_length: int) -> str | None:
    if len(value) > max_length:
        return "STRING_TOO_LONG"
    if (found := _FORBIDDEN.search(value)) is None:
        return None
    char = found.group()
    if char == "\x00":
        return "NUL_CHARACTER"
    return "LONE_SURROGATE" if "\ud800" <= char <= "\udfff" else "CONTROL_CHARACTER"


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield value, path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, path)  # a key is input too: it is echoed in "unknown field" errors
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}.{index}")


def check_request(variables: Any, operation_name: Any) -> None:
    """Raises BadString for the first string in a request's variables (or its operation name, which error
    messages echo) that may not pass."""
    max_length = get_settings().max_string_length
    if isinstance(operation_name, str) and (reason := string_problem(operation_name, max_length)):
        raise BadString(reason, "operationName")
    for value, path in _strings(variables, ""):
        if reason := string_problem(value, max_length):
            raise BadString(reason, path)


def _argument_path(ancestors: Any) -> str:
    named = (node for node in ancestors if isinstance(node, FieldNode | ArgumentNode | ObjectFieldNode))
    return ".".join(node.name.value for node in named)


class StringLiteralRule(ValidationRule):
    """The same check for string literals written in the document."""

    def __init__(self, context: Any) -> None:
        super().__init__(context)
        self.max_length = get_settings().max_string_length

    def enter_string_value(self, node: StringValueNode, _key: Any, parent: Any, _path: Any, ancestors: Any) -> None:
        if reason := string_problem(node.value, self.max_length):
            where = _argument_path([*ancestors, parent])
            self.report_error(
                GraphQLError(
                    f"the string at {where or 'the document'} is refused: {reason}",
                    node,
                    extensions={"code": "BAD_USER_INPUT", "reason": reason, "argument": where},
                )
            )
