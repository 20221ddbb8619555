"""The demo: the world of the four seed news items, built through every app's services.

It sits above the domain apps (it imports them; no domain app and not ``core`` imports it).
``danvan demo`` runs ``build.build()``.
"""
