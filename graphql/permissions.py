"""Declared permissions for fields and mutations; object-level checks live in the services."""

from functools import cache
from typing import Any

from strawberry.permission import BasePermission
from strawberry.types import Info

from redchain.graphql.errors import ApiError, ErrorCode
from redchain.services.permissions import Perm


class IsAuthenticated(BasePermission):
    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        info.context.require_principal()
        return True


class IsPlatformAdmin(BasePermission):
    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        if not info.context.require_principal().is_platform_admin:
            raise ApiError(ErrorCode.FORBIDDEN, info.context.locale)
        return True


@cache
def HasPerm(perm: Perm) -> type[BasePermission]:
    """`permission_classes=[HasPerm(Perm.AUDIT_READ)]`: the caller's roles or scopes must grant `perm`."""

    class _HasPerm(BasePermission):
        def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
            if not info.context.require_actor().can(perm):
                raise ApiError(ErrorCode.FORBIDDEN, info.context.locale)
            return True

    _HasPerm.__name__ = f"HasPerm_{perm.name}"
    return _HasPerm
