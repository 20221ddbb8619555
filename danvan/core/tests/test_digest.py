"""The daily digest reaches each user through a real SMTP server on loopback: their inbox, in Vietnamese, nothing of others."""

import contextlib
import datetime
import email
import email.policy
import io
import re
import socket
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from danvan.awards.tests.factories import ProposalFactory
from danvan.core.choices import Role
from danvan.core.tasks import send_digest_task
from danvan.movement.choices import Status
from danvan.movement.tests.factories import InitiativeFactory
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.oversight.tests.factories import FollowUpFactory, MissionFactory

pytestmark = pytest.mark.django_db
SITE = "https://danvan.example.vn"


class Collector:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp():
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=free_port())
    controller.start()
    mail_settings = override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=controller.port,
        EMAIL_USE_TLS=False, EMAIL_USE_SSL=False, EMAIL_HOST_USER="", EMAIL_HOST_PASSWORD="", SITE_URL=SITE,
        DEFAULT_FROM_EMAIL="Dân Vận <danvan@danvan.local>",
    )
    with mail_settings:
        yield collector
    controller.stop()


@contextlib.contextmanager
def serving(handler):
    """Another loopback server in place of the ``smtp`` fixture's, for the mails sent inside the block."""
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with override_settings(EMAIL_PORT=controller.port):
            yield handler
    finally:
        controller.stop()


def received(collector):
    """{recipient: (subject, plain body, html body)} of what the server was handed."""
    mails = {}
    for envelope in collector.envelopes:
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        assert len(envelope.rcpt_tos) == 1, "one mail per user, never a list of everyone"
        # Django folds a long encoded subject right after "Subject:"; the parser keeps that fold's space.
        mails[envelope.rcpt_tos[0]] = (
            str(message["subject"]).strip(), *(message.get_body((kind,)).get_content().replace("\r\n", "\n") for kind in ("plain", "html")),
        )
    return mails


def send():
    out = io.StringIO()
    call_command("send_digest", stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def people(tree, make_user):
    soon = timezone.localdate() + datetime.timedelta(days=5)
    mission = MissionFactory(unit=tree.cp)
    InitiativeFactory(unit=tree.cc1, name="Mô hình chờ duyệt", status=Status.SUBMITTED)
    InitiativeFactory(unit=tree.cc1, name="Mô hình chờ thẩm định", status=Status.UNDER_APPRAISAL)
    InitiativeFactory(unit=tree.cc3, name="Mô hình tỉnh khác", status=Status.SUBMITTED)
    FollowUpFactory(mission=mission, owner_unit=tree.cc1, deadline=soon, text="Rà soát hộ nghèo")
    FollowUpFactory(mission=mission, owner_unit=tree.cc1, deadline=soon + datetime.timedelta(days=60), text="Việc còn xa")
    ProposalFactory(proposing_body=OrganizationFactory(unit=tree.cc1), addressed_to=OrganizationFactory(unit=tree.cp))
    return {
        "approver": make_user(tree.cp, role=Role.APPROVER, email="angiang@danvan.local"),
        "editor": make_user(tree.cc1, role=Role.EDITOR, email="binhan@danvan.local"),
        "opted_out": make_user(tree.cp, role=Role.APPROVER, email="khongnhan@danvan.local", receives_digest=False),
        "inactive": make_user(tree.cp, role=Role.APPROVER, email="nghi@danvan.local", is_active=False),
        "no_address": make_user(tree.cp, role=Role.APPROVER, email=""),
        "idle": make_user(tree.cc2, role=Role.EDITOR, email="thanhloc@danvan.local"),
        "elsewhere": make_user(tree.cc3, role=Role.APPROVER, email="camau@danvan.local"),
    }


def test_each_user_receives_their_inbox_in_vietnamese(smtp, people):
    assert send().strip() == "Đã gửi thư tóm tắt cho 3 người."
    mails = received(smtp)
    assert set(mails) == {"angiang@danvan.local", "binhan@danvan.local", "camau@danvan.local"}
    today = timezone.localdate().strftime("%d/%m/%Y")

    subject, text, html = mails["angiang@danvan.local"]
    assert subject == f"Việc của tôi – 4 việc chờ đồng chí xử lý, ngày {today}"
    for section in ("Đăng ký chờ duyệt: 1", "Mô hình chờ thẩm định: 1", "Đề nghị khen thưởng chờ quyết định: 1",
                    "Kiến nghị, nhiệm vụ quá hạn hoặc đến hạn trong 14 ngày: 1"):
        assert f"■ {section}\n" in text
    assert "Mô hình chờ duyệt" in text and "Rà soát hộ nghèo" in text and "Việc còn xa" not in text
    assert "Mô hình tỉnh khác" not in text + html
    assert "Kính gửi đồng chí" in text and f"{SITE}/inbox/" in text and f"{SITE}/accounts/me/" in text
    links = re.findall(r'href="([^"]+)"', html)
    assert links and all(link.startswith(f"{SITE}/") for link in links)
    assert ">Mô hình chờ duyệt</a>" in html

    subject, text, _ = mails["binhan@danvan.local"]
    assert subject == f"Việc của tôi – 1 việc chờ đồng chí xử lý, ngày {today}"
    assert "■ Kiến nghị, nhiệm vụ quá hạn hoặc đến hạn trong 14 ngày: 1\n" in text and "Đăng ký chờ duyệt" not in text

    subject, text, html = mails["camau@danvan.local"]
    assert subject.startswith("Việc của tôi – 1 việc") and "Mô hình tỉnh khác" in text
    assert "Mô hình chờ duyệt" not in text + html and "Rà soát hộ nghèo" not in text + html


def test_the_mail_links_every_item_it_names(smtp, people):
    send()
    _, text, _ = received(smtp)["angiang@danvan.local"]
    item_links = re.findall(r"^    (\S+)$", text, flags=re.MULTILINE)
    assert len(item_links) == 4 and all(link.startswith(f"{SITE}/") for link in item_links)


def test_without_a_mail_server_nothing_is_sent_and_it_says_so(smtp, people):
    with override_settings(EMAIL_HOST=""):
        assert "Chưa cấu hình máy chủ thư (DANVAN_EMAIL_HOST)" in send()
        assert send_digest_task.call() == {"sent": 0, "failed": 0, "configured": False}
    assert smtp.envelopes == []


def test_an_unreachable_mail_server_is_reported_plainly(people):
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=free_port()):
        with pytest.raises(CommandError, match="Không kết nối được máy chủ thư 127.0.0.1"):
            call_command("send_digest", stdout=io.StringIO())


def test_the_background_task_sends_the_same_digest(smtp, people):
    assert send_digest_task.call() == {"sent": 3, "failed": 0, "configured": True}
    assert set(received(smtp)) == {"angiang@danvan.local", "binhan@danvan.local", "camau@danvan.local"}


def test_a_refused_address_does_not_stop_the_others(smtp, people):
    class Refusing(Collector):
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.startswith("binhan"):
                return "550 no such user"
            envelope.rcpt_tos.append(address)
            return "250 OK"

    refusing, errors, out = Refusing(), io.StringIO(), io.StringIO()
    with serving(refusing):
        call_command("send_digest", stdout=out, stderr=errors)
    assert "Đã gửi thư tóm tắt cho 2 người." in out.getvalue()
    assert "binhan@danvan.local" in errors.getvalue()
    assert set(received(refusing)) == {"angiang@danvan.local", "camau@danvan.local"}


def test_a_second_run_the_same_day_sends_nothing_again_and_the_next_day_sends_anew(smtp, people):
    assert send().strip() == "Đã gửi thư tóm tắt cho 3 người."
    assert send().strip() == "Đã gửi thư tóm tắt cho 0 người."
    assert sorted(envelope.rcpt_tos[0] for envelope in smtp.envelopes) == ["angiang@danvan.local", "binhan@danvan.local", "camau@danvan.local"]
    people["approver"].refresh_from_db()
    assert people["approver"].digest_sent_on == timezone.localdate()

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        assert send().strip() == "Đã gửi thư tóm tắt cho 3 người."
    assert [envelope.rcpt_tos[0] for envelope in smtp.envelopes].count("angiang@danvan.local") == 2
    people["idle"].refresh_from_db()
    assert people["idle"].digest_sent_on is None, "nothing waited for him: no mail, nothing recorded"


def test_a_refused_mail_is_not_recorded_as_sent(smtp, people):
    class Refusing(Collector):
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            return "550 no such user"

    with serving(Refusing()):
        call_command("send_digest", stdout=io.StringIO(), stderr=io.StringIO())
    people["editor"].refresh_from_db()
    assert people["editor"].digest_sent_on is None
    send()
    assert "binhan@danvan.local" in received(smtp), "refused yesterday's way, sent on the next run the same day"
