"""The README's GraphQL examples are valid against the schema: the walkthrough stays true."""

import re
from pathlib import Path

from graphql import DocumentNode, OperationDefinitionNode, parse, validate

from redchain.graphql.schema import schema

README = Path(__file__).resolve().parents[1] / "README.md"


def operations() -> list[OperationDefinitionNode]:
    blocks = re.findall(r"```graphql\n(.*?)```", README.read_text(), flags=re.S)
    return [
        definition
        for block in blocks
        for definition in parse(block).definitions
        if isinstance(definition, OperationDefinitionNode)
    ]


def test_every_readme_operation_validates() -> None:
    found = operations()

    assert len(found) >= 10
    for operation in found:
        errors = validate(schema._schema, DocumentNode(definitions=(operation,)))
        assert errors == [], f"{errors} in README operation:\n{operation.loc.source.body if operation.loc else ''}"
