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


@register.filter
def protokolltext(text, niva=4):
    """Protocol text in its documented subset (bold, lists, tables, links), sanitised:
    formatting.protokolltext_html; the same HTML on the page and in the PDF."""
    return mark_safe(formatting.protokolltext_html(text, rubrikniva=int(niva)))  # noqa: S308 - sanitised by nh3


@register.simple_tag
def belopp(value, tkr=False):
    """An amount in kr (7 378 000) or tkr (1 844,5), the way the seeds' reports print them."""
    if value is None or value == "":
        return ""
    if not tkr:
        return formatting.tusental(value)
    return formatting.tkr_text(value)
