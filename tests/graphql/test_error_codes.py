"""The error model in the SDL: every mutation's userErrors carry its context's code enum, which holds every code
that context's services can raise; domain errors that end a query have one mapping."""

import importlib
import pkgutil
import uuid
from enum import StrEnum

import pytest
from graphql import GraphQLEnumType, GraphQLList, GraphQLNonNull, GraphQLObjectType

import redchain.services
from redchain.graphql.errors import ErrorCode, top_level_error
from redchain.graphql.relay import InvalidId, decode_id, encode_id
from redchain.graphql.schema import schema
from redchain.services.errors import CommonErrorCode, DomainError, NotFound, PermissionDenied
from redchain.services.tickets.errors import InvalidPeriod


def _load_services() -> None:
    for module in pkgutil.walk_packages(redchain.services.__path__, "redchain.services."):
        importlib.import_module(module.name)


def _subclasses(cls: type[DomainError]) -> set[type[DomainError]]:
    direct = set(cls.__subclasses__())
    return direct.union(*(_subclasses(sub) for sub in direct))


def _context_of(module: str) -> str:
    # redchain.services.<ctx>.… and redchain.graphql.<ctx>.…
    return module.split(".")[2]


def _mutation_code_enums() -> dict[str, list[GraphQLEnumType]]:
    """Context -> the code enums of its mutations' userErrors, checking the shape of every payload on the way."""
    mutation_type = schema._schema.mutation_type
    assert mutation_type is not None
    definition = schema.get_type_by_name("Mutation")
    enums: dict[str, list[GraphQLEnumType]] = {}
    for field in definition.fields:  # type: ignore[union-attr]
        assert field.base_resolver is not None
        context = _context_of(field.base_resolver.wrapped_func.__module__)
        payload = mutation_type.fields[schema.config.name_converter.get_graphql_name(field)].type
        payload = payload.of_type if isinstance(payload, GraphQLNonNull) else payload
        assert isinstance(payload, GraphQLObjectType)
        user_errors = payload.fields["userErrors"].type
        assert isinstance(user_errors, GraphQLNonNull) and isinstance(user_errors.of_type, GraphQLList)
        item = user_errors.of_type.of_type
        assert isinstance(item, GraphQLNonNull) and isinstance(item.of_type, GraphQLObjectType)
        error_type = item.of_type
        assert [i.name for i in error_type.interfaces] == ["UserError"], error_type.name
        code = error_type.fields["code"].type
        assert isinstance(code, GraphQLNonNull) and isinstance(code.of_type, GraphQLEnumType), error_type.name
        assert code.of_type.name == error_type.name.replace("UserError", "ErrorCode")
        enums.setdefault(context, []).append(code.of_type)
    return enums


def test_every_payload_has_typed_user_errors_and_every_domain_code_is_in_its_contexts_enum() -> None:
    _load_services()
    enums = _mutation_code_enums()
    codes_by_context: dict[str, set[str]] = {}
    for error in _subclasses(DomainError):
        if error.__module__.startswith("redchain.services.") and error.__module__ != "redchain.services.errors":
            codes_by_context.setdefault(_context_of(error.__module__), set()).add(error.code.value)
    common = {code.value for code in CommonErrorCode}

    assert set(codes_by_context) <= set(enums), "a context raises domain errors but has no mutation enum"
    assert len(enums) >= 6
    for context, context_enums in enums.items():
        for enum in context_enums:
            values = set(enum.values)
            assert common <= values, enum.name
            assert codes_by_context.get(context, set()) <= values, (enum.name, codes_by_context[context] - values)


def test_every_python_code_enum_of_a_context_is_published() -> None:
    _load_services()
    enums = _mutation_code_enums()
    published = {context: set().union(*(e.values for e in found)) for context, found in enums.items()}
    checked = 0
    for module in pkgutil.walk_packages(redchain.services.__path__, "redchain.services."):
        if not module.name.endswith("errors") or module.name == "redchain.services.errors":
            continue
        for value in vars(importlib.import_module(module.name)).values():
            if isinstance(value, type) and issubclass(value, StrEnum) and value.__name__.endswith("ErrorCode"):
                assert {code.value for code in value} <= published[_context_of(module.name)], value.__name__
                checked += 1
    assert checked >= 7


def test_ids_that_do_not_decode_name_their_field() -> None:
    with pytest.raises(InvalidId) as malformed:
        decode_id("%%", "Enterprise", field="enterpriseIds.2")
    with pytest.raises(InvalidId) as foreign:
        decode_id(encode_id("Park", uuid.uuid4()), "Enterprise")

    assert (malformed.value.field, malformed.value.code) == ("enterpriseIds.2", CommonErrorCode.INVALID)
    assert (foreign.value.field, foreign.value.code) == ("id", CommonErrorCode.INVALID)


@pytest.mark.parametrize(
    ("error", "code", "extensions"),
    [
        (NotFound("chainId"), ErrorCode.NOT_FOUND, {"field": ["chainId"]}),
        (PermissionDenied(), ErrorCode.FORBIDDEN, {}),
        (
            InvalidPeriod("period.end"),
            ErrorCode.BAD_USER_INPUT,
            {"reason": "INVALID_PERIOD", "field": ["period", "end"]},
        ),
        (InvalidId("filter.chainId"), ErrorCode.BAD_USER_INPUT, {"reason": "INVALID", "field": ["filter", "chainId"]}),
    ],
)
def test_a_domain_error_ending_a_query_has_one_top_level_code(
    error: DomainError, code: ErrorCode, extensions: dict[str, object]
) -> None:
    mapped = top_level_error(error, "en")

    assert mapped.extensions == {"code": code.value, **extensions}
    assert mapped.message == error.message("en")
