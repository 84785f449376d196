from django import template
from django.utils.safestring import mark_safe

from forbund import formatting

register = template.Library()

register.filter("tusental", formatting.tusental)
register.filter("kr", formatting.kr)
register.filter("procent", formatting.procent)


@register.filter
def stycken(text, niva=4):

    return mark_safe(formatting.stycken_html(text, rubrikniva=int(niva)))  # noqa: S308 - escaped inside


@register.simple_tag
def belopp(value, tkr=False):
    """An amount in kr (7 378 000) or tkr (1 844,5), the way the seeds' reports print them."""
    if value is None or value == "":
        return ""
    if not tkr:
        return formatting.tusental(value)
    return formatting.tkr_text(value)
