"""The committed SDL is the schema the code builds, so integrators and reviewers read the real contract."""

from redchain.graphql.schema import SCHEMA_FILE, sdl


def test_schema_file_is_current() -> None:
    assert SCHEMA_FILE.exists(), "graphql/schema.graphql is missing: run make schema"
    assert SCHEMA_FILE.read_text() == sdl(), "graphql/schema.graphql is stale: run make schema"


def test_schema_speaks_relay() -> None:
    text = sdl()
    assert "node(id: ID!): Node!" in text
    assert "interface Node {\n  id: ID!\n}" in text
    assert "totalCount: Int!" in text and "pageInfo: PageInfo!" in text
