"""The papers of U Minh Thượng's commendations of 04/8/2020 (seed 002), registered on that day: the Huyện ủy's
standing committee's decision (04 collectives, 06 individuals, Party format) and the UBND huyện's (20 collectives,
state format), each with its attached list, and every recipient's giấy khen.

``build(story)`` is idempotent: each document is issued once per source, and a second run finds it registered.
"""

from danvan.awards.documents import certificate, decision_document
from danvan.awards.models import CommendationDecision
from danvan.demo.awards import DECIDED_ON


def build(story):
    district = story.places.districts["U Minh Thượng"]
    story.on(DECIDED_ON)
    for name in ("Huyện ủy U Minh Thượng", "UBND huyện U Minh Thượng"):
        decision = CommendationDecision.objects.get(issuing_body__name=name, issuing_body__unit=district, date=DECIDED_ON)
        decision_document(story.user, decision)
        for recipient in decision.recipients.select_related("decision", "organization__unit", "person__unit", "initiative"):
            certificate(story.user, recipient)
