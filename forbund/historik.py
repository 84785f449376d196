"""Writes that are recorded in the change history (django-simple-history): the one place a
service names who made a change. Services save through `save` and `delete`, never by setting
`_history_user` themselves."""

from __future__ import annotations

from django.db import models


def save(
    obj: models.Model,
    *,
    actor,
    validate: bool = False,
    reason: str = "",
    update_fields: list[str] | None = None,
) -> None:
    """Save `obj` with `actor` (and `reason`) as the author of the new history row;
    `validate` runs the model's full_clean first."""
    obj._history_user = actor
    if reason:
        obj._change_reason = reason
    if validate:
        obj.full_clean()
    obj.save(update_fields=update_fields)


def delete(obj: models.Model, *, actor) -> None:
    """Delete `obj`; its last history row names `actor`."""
    obj._history_user = actor
    obj.delete()


def m2m_set(obj: models.Model, falt: str, varden, *, actor, reason: str = "") -> None:
    """Set the many-to-many `falt` of `obj` to `varden`; with the field in the model's
    history (HistoricalRecords(m2m_fields=…)) the new history row names `actor` and `reason`."""
    obj._history_user = actor
    obj._change_reason = reason
    getattr(obj, falt).set(varden)
