"""Request limits checked before execution: lexical tokens while parsing; then directives, depth and cost
of the operation's own selections, and introspection on its own bounds."""

import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSyntaxError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    VariableNode,
)
from graphql.validation import MaxIntrospectionDepthRule, OverlappingFieldsCanBeMergedRule
from strawberry.extensions import SchemaExtension

from redchain.graphql.input_guard import StringLiteralRule
from redchain.infra.settings import get_settings

INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})
# GraphiQL, graphql-codegen, Postman and Apollo send one `__schema`; a few `__type` look-ups are fine. Each
# root lists (part of) the whole schema, so aliases of it are what would cost.
MAX_INTROSPECTION_ROOTS = 5
# Checking that the fields of one response level can be merged compares every pair that shares a response
# name, and every pair of fragments spread there: quadratic, seconds for a document within the token
# limit (`{ a: me { roles } a: me { roles } ... }`). Realistic documents stay far below these.
MAX_SAME_RESPONSE_NAME = 20
MAX_SPREADS_PER_LEVEL = 50


def _too_complex(message: str, node: Any, **extensions: Any) -> GraphQLError:
    return GraphQLError(message, node, extensions={"code": "QUERY_TOO_COMPLEX", **extensions})


class _Level:
    """What one response level merges: response names (with inline fragments and fragments spread into
    it, as the merge check flattens them) and the number of fragment spreads reached."""

    def __init__(self, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self.fragments = fragments
        self.measured: dict[str, tuple[Counter[str], int]] = {}

    def _fragment(self, name: str, seen: frozenset[str]) -> tuple[Counter[str], int]:
        if name not in self.measured:
            fragment = self.fragments.get(name)
            if fragment is None or name in seen:
                return Counter(), 0  # unknown and cyclic fragments are reported by the standard rules
            self.measured[name] = self.measure(fragment.selection_set, seen | {name})
        return self.measured[name]

    def measure(self, selection_set: SelectionSetNode, seen: frozenset[str]) -> tuple[Counter[str], int]:
        names: Counter[str] = Counter()
        spreads = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                names[(selection.alias or selection.name).value] += 1
                continue
            if isinstance(selection, InlineFragmentNode):
                inner_names, inner_spreads = self.measure(selection.selection_set, seen)
            elif isinstance(selection, FragmentSpreadNode):
                inner_names, inner_spreads = self._fragment(selection.name.value, seen)
                spreads += 1
            else:
                continue
            names.update(inner_names)
            spreads += inner_spreads
        return names, spreads


class BoundedMergeRule(OverlappingFieldsCanBeMergedRule):
    """graphql-core's field-merge check, refusing a response level too wide to check first."""

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        fragments = {d.name.value: d for d in context.document.definitions if isinstance(d, FragmentDefinitionNode)}
        self.level = _Level(fragments)
        self.refused = False

    def enter_selection_set(self, selection_set: SelectionSetNode, key: Any, parent: Any, *args: Any) -> None:
        if not isinstance(parent, InlineFragmentNode):
            try:
                names, spreads = self.level.measure(selection_set, frozenset())
            except RecursionError:
                return  # a chain of hundreds of fragments: RequestLimitsRule refuses it
            widest = max(names.values(), default=0)
            if widest > MAX_SAME_RESPONSE_NAME or spreads > MAX_SPREADS_PER_LEVEL:
                if not self.refused:  # once per document: a fragment bomb is too wide at every level
                    message = f"{widest} fields share a name, {spreads} fragments are spread in one selection"
                    self.report_error(_too_complex(message, selection_set, reason="TOO_WIDE"))
                    self.refused = True
                return
        super().enter_selection_set(selection_set, key, parent, *args)


class IntrospectionDepthRule(MaxIntrospectionDepthRule):
    """graphql-core's bound on nested introspection lists (`fields { type { fields ...`), with our code."""

    def report_error(self, error: GraphQLError) -> None:
        super().report_error(_too_complex(error.message, error.nodes))


class _Walker:
    """Depth and cost of an operation. Cost: one per resolved field, multiplied by every
    enclosing page size (`first`), as GitHub's API counts nodes. Introspection fields are not the
    operation's own: they count as introspection roots, bounded apart (IntrospectionDepthRule)."""

    def __init__(self, fragments: dict[str, FragmentDefinitionNode], variable_page_size: int) -> None:
        self.fragments = fragments
        # Validation runs before variables are known: a `first: $n` counts as the largest page.
        self.variable_page_size = variable_page_size
        # Each fragment is measured once: a fragment spread twice in a fragment spread twice in ... would
        # otherwise cost exponential time to measure (a few hundred bytes of query, minutes of CPU).
        self.measured: dict[str, tuple[int, int, int]] = {}

    def _page_size(self, field: FieldNode) -> int:
        for arg in field.arguments or ():
            if arg.name.value in ("first", "last"):
                if isinstance(arg.value, IntValueNode):
                    return max(int(arg.value.value), 1)
                if isinstance(arg.value, VariableNode):
                    return self.variable_page_size
        return 1

    def _fragment(self, name: str, seen: frozenset[str]) -> tuple[int, int, int]:
        if name not in self.measured:
            fragment = self.fragments.get(name)
            if fragment is None or name in seen:
                return 0, 0, 0  # unknown and cyclic fragments are reported by the standard rules
            self.measured[name] = self.walk(fragment.selection_set, 0, seen | {name})
        return self.measured[name]

    def walk(self, selection_set: SelectionSetNode | None, depth: int, seen: frozenset[str]) -> tuple[int, int, int]:
        """(deepest field level, cost, introspection roots) below `selection_set`, which is at `depth`."""
        if selection_set is None:
            return depth, 0, 0
        max_depth, cost, introspection = depth, 0, 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if selection.name.value in INTROSPECTION_ROOTS:
                    introspection += 1
                    continue
                size = self._page_size(selection)
                child_depth, child_cost, child_introspection = self.walk(selection.selection_set, depth + 1, seen)
                max_depth = max(max_depth, child_depth)
                cost += 1 + size * child_cost
            elif isinstance(selection, InlineFragmentNode):
                child_depth, child_cost, child_introspection = self.walk(selection.selection_set, depth, seen)
                max_depth, cost = max(max_depth, child_depth), cost + child_cost
            elif isinstance(selection, FragmentSpreadNode):
                fragment_depth, child_cost, child_introspection = self._fragment(selection.name.value, seen)
                max_depth, cost = max(max_depth, depth + fragment_depth), cost + child_cost
            else:
                continue
            introspection += child_introspection
        return max_depth, cost, introspection


class RequestLimitsRule(ValidationRule):
    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        settings = get_settings()
        self.max_depth = settings.max_query_depth
        self.max_cost = settings.max_query_cost
        self.max_page_size = settings.max_page_size
        self.max_directives = settings.max_directives_per_field

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        fragments = {
            d.name.value: d for d in self.context.document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self._directives(node)
        try:
            depth, cost, introspection = _Walker(fragments, self.max_page_size).walk(node.selection_set, 0, frozenset())
        except RecursionError:
            # Only a chain of hundreds of fragments nests this deep (the parser caps literal nesting).
            self.report_error(_too_complex("the query is nested too deeply", node))
            return
        if depth > self.max_depth:
            self.report_error(_too_complex(f"depth {depth} exceeds the limit of {self.max_depth}", node))
        elif cost > self.max_cost:
            self.report_error(_too_complex(f"cost {cost} exceeds the limit of {self.max_cost}", node))
        elif introspection > MAX_INTROSPECTION_ROOTS:
            message = f"{introspection} introspection fields exceed the limit of {MAX_INTROSPECTION_ROOTS}"
            self.report_error(_too_complex(message, node))

    def _directives(self, node: Any) -> None:
        if len(node.directives or ()) > self.max_directives:
            message = f"more than {self.max_directives} directives in one place"
            self.report_error(_too_complex(message, node, reason="TOO_MANY_DIRECTIVES"))

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        self._directives(node)

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
        self._directives(node)

    def enter_inline_fragment(self, node: InlineFragmentNode, *_: Any) -> None:
        self._directives(node)

    def enter_fragment_definition(self, node: FragmentDefinitionNode, *_: Any) -> None:
        self._directives(node)


# GraphQL's lexical tokens, comments included as graphql-core counts them, at the speed of `re`: the parser
# takes ~15 µs a token in Python, twice over for a document that does not parse (the parser cache, then
# strawberry's own parse). Exotic strings may make this differ by a token from graphql-core's count, which
# stays the authority on every document this lets through.
_TOKEN = re.compile(
    r'"""(?:\\"""|[^"]|"(?!""))*"""|"(?:\\.|[^"\\\n\r])*"|#[^\n\r]*|\.\.\.'
    r"|[_A-Za-z][_0-9A-Za-z]*|-?[0-9][_0-9A-Za-z.+-]*|[!$&():=@\[\]{|}]"
)


def over_token_limit(query: str, limit: int) -> bool:
    return next(islice(_TOKEN.finditer(query), limit, None), None) is not None


def _first_token(query: str) -> str:
    found = _TOKEN.search(query)
    return query[: found.end()] if found else query


class DocumentLimits(SchemaExtension):
    """Bounds a document by its lexical tokens before and while it is parsed, on every parse path (the
    parser cache passes the same options); then adds the limit rules to validation."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        self.max_tokens = get_settings().max_query_tokens
        context.parse_options["max_tokens"] = self.max_tokens
        ours = {MaxIntrospectionDepthRule: IntrospectionDepthRule, OverlappingFieldsCanBeMergedRule: BoundedMergeRule}
        standard = (ours.get(rule, rule) for rule in context.validation_rules)
        context.validation_rules = (*standard, RequestLimitsRule, StringLiteralRule)
        yield

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query and over_token_limit(context.query, self.max_tokens):
            # Refused already: the parser sees only the first token and stops there, so neither it nor its
            # error's line and column (a scan of the whole text) costs time.
            context.query = _first_token(context.query)
            context.parse_options["max_tokens"] = 0
        limit = context.parse_options["max_tokens"]
        yield
        for error in context.pre_execution_errors or ():
            # graphql-core says so only in its message; tests/graphql/test_limits.py notices a change.
            if isinstance(error, GraphQLSyntaxError) and error.message.endswith(f" {limit} tokens. Parsing aborted."):
                error.message = f"the document has more than {self.max_tokens} tokens"
                extensions = {"code": "QUERY_TOO_COMPLEX", "reason": "TOO_MANY_TOKENS"}
                error.extensions = {**(error.extensions or {}), **extensions}
