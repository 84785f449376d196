from django import template

from forbund import formatting

register = template.Library()

register.filter("tusental", formatting.tusental)
register.filter("kr", formatting.kr)
register.filter("procent", formatting.procent)
