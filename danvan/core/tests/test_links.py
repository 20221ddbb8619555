"""A record's address resolved once per URL name is the address reverse() gives, behind a proxy's prefix too."""

from django.template import Context, Template
from django.urls import reverse, set_script_prefix

from danvan.core.links import record_url


def test_the_address_is_reverses_for_every_id():
    for pk in (1, 7, 10, 123456):
        assert record_url("engagement:petition-detail", pk) == reverse("engagement:petition-detail", args=[pk])
        assert record_url("movement:detail", pk) == reverse("movement:detail", args=[pk])
    assert record_url("movement:detail", "12") == reverse("movement:detail", args=["12"])


def test_the_address_follows_the_script_prefix():
    try:
        set_script_prefix("/danvan/")
        assert record_url("movement:detail", 5) == "/danvan/movement/5/" == reverse("movement:detail", args=[5])
    finally:
        set_script_prefix("/")
    assert record_url("movement:detail", 5) == "/movement/5/"


def test_the_template_tag_writes_the_same_link_as_url():
    context = Context({"pk": 42})
    tag = Template("{% load danvan %}{% record_url 'engagement:petition-detail' pk %}").render(context)
    assert tag == Template("{% url 'engagement:petition-detail' pk %}").render(context)
