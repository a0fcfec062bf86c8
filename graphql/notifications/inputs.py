"""Input objects of the notification mutations."""

import strawberry


@strawberry.input
class MarkNotificationsReadInput:
    ids: list[strawberry.ID] | None = strawberry.field(default=None, description="At most 100; or use `all`.")
    all_: bool | None = strawberry.field(default=None, name="all", description="Every unread notification of yours.")
