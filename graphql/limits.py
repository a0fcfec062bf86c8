"""Request limits checked before execution: depth, cost, string size."""

from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    ValidationContext,
    ValidationRule,
    VariableNode,
)

from redchain.infra.settings import get_settings


class _Walker:
    """Depth and cost of an operation. Cost: one per resolved field, multiplied by every
    enclosing page size (`first`), as GitHub's API counts nodes."""

    def __init__(self, fragments: dict[str, FragmentDefinitionNode], variable_page_size: int) -> None:
        self.fragments = fragments
        # Validation runs before variables are known: a `first: $n` counts as the largest page.
        self.variable_page_size = variable_page_size
        # Each fragment is measured once: a fragment spread twice in a fragment spread twice in ... would
        # otherwise cost exponential time to measure (a few hundred bytes of query, minutes of CPU).
        self.measured: dict[str, tuple[int, int]] = {}

    def _page_size(self, field: FieldNode) -> int:
        for arg in field.arguments or ():
            if arg.name.value in ("first", "last"):
                if isinstance(arg.value, IntValueNode):
                    return max(int(arg.value.value), 1)
                if isinstance(arg.value, VariableNode):
                    return self.variable_page_size
        return 1

    def _fragment(self, name: str, seen: frozenset[str]) -> tuple[int, int]:
        if name not in self.measured:
            fragment = self.fragments.get(name)
            if fragment is None or name in seen:
                return 0, 0  # unknown and cyclic fragments are reported by the standard rules
            self.measured[name] = self.walk(fragment.selection_set, 0, seen | {name})
        return self.measured[name]

    def walk(self, selection_set: SelectionSetNode | None, depth: int, seen: frozenset[str]) -> tuple[int, int]:
        """(deepest field level, cost) below `selection_set`, which is at `depth`."""
        if selection_set is None:
            return depth, 0
        max_depth, cost = depth, 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                size = self._page_size(selection)
                child_depth, child_cost = self.walk(selection.selection_set, depth + 1, seen)
                max_depth = max(max_depth, child_depth)
                cost += 1 + size * child_cost
            elif isinstance(selection, InlineFragmentNode):
                child_depth, child_cost = self.walk(selection.selection_set, depth, seen)
                max_depth, cost = max(max_depth, child_depth), cost + child_cost
            elif isinstance(selection, FragmentSpreadNode):
                fragment_depth, fragment_cost = self._fragment(selection.name.value, seen)
                max_depth, cost = max(max_depth, depth + fragment_depth), cost + fragment_cost
        return max_depth, cost


class RequestLimitsRule(ValidationRule):
    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        settings = get_settings()
        self.max_depth = settings.max_query_depth
        self.max_cost = settings.max_query_cost
        self.max_string = settings.max_string_length
        self.max_page_size = settings.max_page_size

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        fragments = {
            d.name.value: d for d in self.context.document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        try:
            depth, cost = _Walker(fragments, self.max_page_size).walk(node.selection_set, 0, frozenset())
        except RecursionError:
            # Only a chain of hundreds of fragments nests this deep (the parser caps literal nesting).
            self._too_complex("the query is nested too deeply", node)
            return
        if depth > self.max_depth:
            self._too_complex(f"depth {depth} exceeds the limit of {self.max_depth}", node)
        elif cost > self.max_cost:
            self._too_complex(f"cost {cost} exceeds the limit of {self.max_cost}", node)

    def enter_string_value(self, node: StringValueNode, *_: Any) -> None:
        if len(node.value) > self.max_string:
            self.report_error(
                GraphQLError(
                    f"a string is longer than {self.max_string} characters",
                    node,
                    extensions={"code": "BAD_USER_INPUT", "reason": "STRING_TOO_LONG"},
                )
            )

    def _too_complex(self, message: str, node: OperationDefinitionNode) -> None:
        self.report_error(GraphQLError(message, node, extensions={"code": "QUERY_TOO_COMPLEX"}))


def oversized_string(value: Any, limit: int) -> bool:
    """True when any string inside a variables value is longer than `limit`."""
    if isinstance(value, str):
        return len(value) > limit
    if isinstance(value, dict):
        return any(oversized_string(v, limit) for v in value.values())
    if isinstance(value, list):
        return any(oversized_string(v, limit) for v in value)
    return False
