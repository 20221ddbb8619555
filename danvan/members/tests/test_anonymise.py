"""`danvan anonymise_members`: who left every organisation long ago loses their name, the counts keep them."""

import datetime

from django.core.management import call_command
from django.test import override_settings

from danvan.members.choices import LeaveReason
from danvan.members.tests.factories import MembershipFactory
from danvan.people.models import Person
from danvan.people.tests.factories import PositionFactory

D = datetime.date


@override_settings(MEMBERS_ANONYMISE_AFTER_YEARS=5)
def test_members_who_left_more_than_the_setting_ago_are_anonymised_and_still_counted(db):
    gone = MembershipFactory(joined=D(2000, 1, 1), left=D(2010, 6, 30), leave_reason=LeaveReason.MOVED_AWAY)
    Person.objects.filter(pk=gone.person_id).update(full_name="Lê Thị Hoa", citizen_id="087190001234", birth_date=D(1980, 4, 1))
    recent = MembershipFactory(joined=D(2000, 1, 1), left=datetime.date.today(), leave_reason=LeaveReason.MOVED_AWAY)
    still = MembershipFactory(joined=D(2000, 1, 1))
    titled = MembershipFactory(joined=D(2000, 1, 1), left=D(2010, 6, 30), leave_reason=LeaveReason.OTHER)
    PositionFactory(person=titled.person)
    call_command("anonymise_members", stdout=open("/dev/null", "w"))
    person = Person.objects.get(pk=gone.person_id)
    assert person.anonymised_on == datetime.date.today()
    assert (person.citizen_id, person.birth_date, person.birth_year) == ("", None, 1980)
    assert "Lê" not in person.full_name and str(person.pk) in person.full_name
    assert person.memberships.count() == 1  # still counted where and when it was a membership
    assert not Person.objects.filter(pk__in=[recent.person_id, still.person_id, titled.person_id], anonymised_on__isnull=False).exists()
