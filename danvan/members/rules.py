"""The age from which each organisation's charter (Điều lệ) admits members; administrators change them in the admin.

Đoàn TNCS Hồ Chí Minh: from 16; Hội LHPN Việt Nam: women from 18; Hội Nông dân Việt Nam: from 18; Hội Người cao tuổi:
from 60 (Luật Người cao tuổi 2009, Điều 2).
"""

SEED_MINIMUM_AGES = {"doan-tncs": 16, "hoi-lhpn": 18, "hoi-nong-dan": 18, "hoi-nguoi-cao-tuoi": 60}


def seed_rules(rule_model, kind_model):
    """Create the missing rules of the seeded kinds; ``rule_model`` and ``kind_model`` may be a migration's."""
    for kind in kind_model.objects.filter(code__in=SEED_MINIMUM_AGES):
        rule_model.objects.get_or_create(kind=kind, defaults={"minimum_age": SEED_MINIMUM_AGES[kind.code]})
